package org.beatwise.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.beatwise.domain.Incident;
import org.beatwise.features.Feature;
import org.beatwise.features.Labeler;
import org.beatwise.features.Labels;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Trains Weka's RandomForest the way the issue asks: split, drop small classes, grow a forest on a
 * sub-part of the training rows to choose the prior-blend weight on the rest (the validation slice),
 * grow the delivered forest on all training rows, and score it on the test part beside the baselines.
 */
public final class RandomForestTrainer implements Trainer {

    /** Share of rows held out for testing, and of training rows held out for choosing the blend weight. */
    static final double HOLD_OUT = 0.2;

    private final Labeler labeler;

    public RandomForestTrainer(OffenseCategories categories) {
        this.labeler = new Labeler(categories);
    }

    public RandomForestTrainer() {
        this(OffenseCategories.load());
    }

    @Override
    public TrainedModel train(TrainingData data, TrainingSettings settings, Progress progress) {
        Objects.requireNonNull(settings, "settings");
        long started = System.nanoTime();
        List<Incident> rows = data.rows();
        Labels labels = labeler.label(settings.target(), rows);
        List<String> y = labels.values();
        List<LocalDateTime> times = rows.stream().map(Incident::occurredAt).toList();
        int[] labelled = IntStream.range(0, rows.size()).filter(i -> y.get(i) != null).toArray();
        progress.update(0, 2L * settings.trees(), "splitting " + labelled.length + " rows");
        Splitter.Parts parts = Splitter.split(settings.split(), labelled, times, y, settings.seed(), HOLD_OUT);

        // Classes are decided on the training part alone; the test part may not influence the model.
        Map<String, Integer> trainCounts = new TreeMap<>();
        for (int r : parts.train()) {
            trainCounts.merge(y.get(r), 1, Integer::sum);
        }
        List<String> classes = trainCounts.entrySet().stream()
                .filter(e -> e.getValue() >= settings.minClassSize())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (classes.size() < 2) {
            throw new IllegalArgumentException("only " + classes.size() + " class(es) have at least "
                    + settings.minClassSize() + " training rows; lower the minimum class size or use a broader target");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] train = Arrays.stream(parts.train()).filter(r -> index.containsKey(y.get(r))).toArray();
        int[] test = Arrays.stream(parts.test()).filter(r -> index.containsKey(y.get(r))).toArray();
        if (test.length == 0) {
            throw new IllegalArgumentException("no test rows belong to a class the model knows");
        }
        List<Query> queries = rows.stream().map(Query::of).toList();
        int[] classOf = new int[rows.size()];
        Arrays.fill(classOf, -1);
        for (int r : labelled) {
            classOf[r] = index.getOrDefault(y.get(r), -1);
        }

        // 1. the blend weight, from a forest grown on the training part minus a validation slice
        int trees = settings.trees();
        Splitter.Parts inner = Splitter.split(settings.split(), train, times, y, settings.seed(), HOLD_OUT);
        Forest validationForest = grow(inner.train(), queries, classOf, classes, settings, progress,
                done -> progress.update(done, 2L * trees, "choosing the blend weight: tree " + done + " of " + trees));
        double[][] validationRaw = score(validationForest, inner.test(), queries, classes.size());
        // one pseudo-row per class: under a temporal split a class may be missing from the inner part,
        // and a zero in this prior would make the weight search meaningless
        double[] validationPrior = prior(inner.train(), classOf, classes.size(), 1);
        double weight = PriorBlend.chooseWeight(validationRaw, validationPrior, truth(inner.test(), classOf));

        // 2. the delivered forest, from all training rows
        Forest forest = grow(train, queries, classOf, classes, settings, progress,
                done -> progress.update(trees + done, 2L * trees, "growing the forest: tree " + done + " of " + trees));
        double[] prior = prior(train, classOf, classes.size(), 0);
        Predictor predictor = new Predictor(forest, settings.target(), settings.featureSet(), classes, prior, weight);

        // 3. evaluation on the test part, beside the baselines
        progress.update(2L * trees, 2L * trees, "evaluating on " + test.length + " test rows");
        Evaluation evaluation = evaluate(predictor, train, test, queries, classOf, classes);

        DataSummary summary = new DataSummary(rows.size(), labels.withoutLabel(), labels.unmappedToOther(),
                trainCounts.size(), trainCounts.size() - classes.size(), parts.train().length - train.length,
                parts.test().length - test.length, classes.size(), train.length, test.length,
                bound(times, train, false), bound(times, train, true), bound(times, test, false), bound(times, test, true));
        List<Incident> trainRows = Arrays.stream(train).mapToObj(rows::get).toList();
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, null, data.datasetName(),
                RowHash.of(rows), RowHash.of(trainRows), settings.target().key(), settings.featureSet().key(),
                settings.featureSet().features().stream().map(Feature::key).toList(), classes,
                settings.toProperties(), settings.seed(), settings.split().key(), summary, evaluation,
                (System.nanoTime() - started) / 1e9, appVersion(), weka.core.Version.VERSION,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                data.createdBy(), Instant.now().toString(), null, null);
        return new TrainedModel(predictor, metadata);
    }

    private static Evaluation evaluate(Predictor predictor, int[] train, int[] test, List<Query> queries,
                                       int[] classOf, List<String> classes) {
        int k = classes.size();
        int[] truth = truth(test, classOf);
        double[][] delivered = new double[test.length][k];
        double[][] raw = new double[test.length][k];
        for (int i = 0; i < test.length; i++) {
            predictor.rawProbabilities(queries.get(test[i]), raw[i]);
            PriorBlend.apply(raw[i], predictor.prior(), predictor.blendWeight(), delivered[i]);
        }
        double[] prior = predictor.prior();
        double[][] priorProbs = new double[test.length][];
        double[][] majorityProbs = new double[test.length][];
        double[] oneHot = new double[k];
        oneHot[0] = 1; // classes are ordered by training frequency, so class 0 is the majority class
        Arrays.fill(priorProbs, prior);
        Arrays.fill(majorityProbs, oneHot);

        int trainCorrect = 0;
        double[] p = new double[k];
        for (int r : train) {
            predictor.probabilities(queries.get(r), p);
            if (Metrics.argMax(p) == classOf[r]) {
                trainCorrect++;
            }
        }
        return new Evaluation(
                Metrics.of(classes, truth, delivered),
                Metrics.of(classes, truth, raw).scores(),
                Metrics.of(classes, truth, majorityProbs).scores(),
                Metrics.of(classes, truth, priorProbs).scores(),
                (double) trainCorrect / train.length,
                predictor.blendWeight(), train.length, test.length);
    }

    private static Forest grow(int[] rows, List<Query> queries, int[] classOf, List<String> classes,
                               TrainingSettings settings, Progress progress, java.util.function.IntConsumer treesBuilt) {
        Instances data = new Instances(Forest.header(settings.featureSet(), classes), rows.length);
        double[] x = new double[settings.featureSet().size()];
        for (int r : rows) {
            settings.featureSet().fill(queries.get(r), x);
            double[] values = Arrays.copyOf(x, x.length + 1);
            values[x.length] = classOf[r];
            data.add(new DenseInstance(1.0, values));
        }
        ObservedForest weka = new ObservedForest(settings, progress, treesBuilt);
        try {
            weka.buildClassifier(data);
        } catch (CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not grow the forest: " + e.getMessage(), e);
        }
        Classifier[] trees = weka.trees();
        return new Forest(trees, settings.featureSet(), classes);
    }

    private static double[][] score(Forest forest, int[] rows, List<Query> queries, int k) {
        double[][] out = new double[rows.length][k];
        for (int i = 0; i < rows.length; i++) {
            forest.distribution(queries.get(rows[i]), out[i]);
        }
        return out;
    }

    /** Class frequencies of the rows, with {@code pseudoCount} added to each class. */
    private static double[] prior(int[] rows, int[] classOf, int k, double pseudoCount) {
        double[] counts = new double[k];
        Arrays.fill(counts, pseudoCount);
        for (int r : rows) {
            counts[classOf[r]]++;
        }
        double total = Arrays.stream(counts).sum();
        for (int c = 0; c < k; c++) {
            counts[c] /= total;
        }
        return counts;
    }

    private static int[] truth(int[] rows, int[] classOf) {
        return Arrays.stream(rows).map(r -> classOf[r]).toArray();
    }

    private static String bound(List<LocalDateTime> times, int[] rows, boolean latest) {
        Comparator<LocalDateTime> order = Comparator.naturalOrder();
        return Arrays.stream(rows).mapToObj(times::get)
                .reduce((a, b) -> (order.compare(a, b) <= 0) == latest ? b : a)
                .map(LocalDateTime::toString).orElse(null);
    }

    static String appVersion() {
        String v = RandomForestTrainer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
