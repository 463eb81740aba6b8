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
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Trains Weka's RandomForest the way the issue asks: split, drop small classes, grow one forest on
 * the training rows, choose the prior-blend weight on the training rows' out-of-bag probabilities
 * (each row scored only by the trees that never saw it), and score the forest on the test part
 * beside the baselines. The test part never touches the forest, the classes or the weight.
 */
public final class RandomForestTrainer implements Trainer {

    /** Share of rows held out for testing. */
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
        progress.update(0, settings.trees(), "splitting " + labelled.length + " rows");
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

        // 1. one forest, from all training rows; it records which rows each tree's bootstrap sample held
        int trees = settings.trees();
        int k = classes.size();
        Grown grown = grow(train, queries, classOf, classes, settings, progress,
                done -> progress.update(done, trees, "growing the forest: tree " + done + " of " + trees));
        double[] prior = prior(train, classOf, k, 0);

        // 2. one pass of every tree over the training rows gives both the training accuracy and each
        // row's out-of-bag probabilities (only the trees that never saw it): a held-out score for every
        // training row without a second forest, and the test part never touches it
        progress.update(trees, trees, "scoring the " + train.length + " training rows out of bag");
        int slots = settings.effectiveExecutionSlots();
        double[][] trainAll = new double[train.length][k];
        double[][] outOfBag = new double[train.length][k];
        ForestScores.sum(grown.forest().trees(), grown.data(), grown.inBag(), trainAll, outOfBag, slots, progress);
        grown = new Grown(grown.forest(), null, null); // the training instances can go
        int[] trainTruth = truth(train, classOf);
        double weight = PriorBlend.chooseWeight(outOfBag, prior, trainTruth);
        outOfBag = null;
        Predictor predictor = new Predictor(grown.forest(), settings.target(), settings.featureSet(), classes, prior, weight);

        // 3. evaluation on the test part, beside the baselines
        progress.update(trees, trees, "evaluating on " + test.length + " test rows");
        double[][] testRaw = new double[test.length][k];
        ForestScores.sum(grown.forest().trees(), instances(test, queries, classOf, classes, settings), null, testRaw, null,
                slots, progress);
        Evaluation evaluation = evaluate(prior, weight, trainAll, trainTruth, testRaw, truth(test, classOf), classes);

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

    /** The figures of the test part beside the baselines, from the trees' summed distributions. */
    private static Evaluation evaluate(double[] prior, double weight, double[][] trainSums, int[] trainTruth,
                                       double[][] testSums, int[] truth, List<String> classes) {
        int k = classes.size();
        ForestScores.normalise(testSums); // now the forest's own probabilities, as Forest.distribution gives them
        double[][] raw = testSums;
        double[][] delivered = new double[raw.length][k];
        for (int i = 0; i < raw.length; i++) {
            PriorBlend.apply(raw[i], prior, weight, delivered[i]);
        }
        double[][] priorProbs = new double[raw.length][];
        double[][] majorityProbs = new double[raw.length][];
        double[] oneHot = new double[k];
        oneHot[0] = 1; // classes are ordered by training frequency, so class 0 is the majority class
        Arrays.fill(priorProbs, prior);
        Arrays.fill(majorityProbs, oneHot);

        ForestScores.normalise(trainSums);
        int trainCorrect = 0;
        double[] p = new double[k];
        for (int i = 0; i < trainSums.length; i++) {
            PriorBlend.apply(trainSums[i], prior, weight, p);
            if (Metrics.argMax(p) == trainTruth[i]) {
                trainCorrect++;
            }
        }
        return new Evaluation(
                Metrics.of(classes, truth, delivered),
                Metrics.of(classes, truth, raw).scores(),
                Metrics.of(classes, truth, majorityProbs).scores(),
                Metrics.of(classes, truth, priorProbs).scores(),
                (double) trainCorrect / trainSums.length,
                weight, trainSums.length, raw.length);
    }

    /**
     * A grown forest with what it was grown from: the training instances (in the order of the rows
     * given) and which of them each tree's bootstrap sample held.
     */
    private record Grown(Forest forest, Instances data, boolean[][] inBag) { }

    /** The rows as Weka instances: feature values in feature-set order, then the class index. */
    private static Instances instances(int[] rows, List<Query> queries, int[] classOf, List<String> classes,
                                       TrainingSettings settings) {
        int features = settings.featureSet().size();
        Instances data = new Instances(Forest.header(settings.featureSet(), classes), rows.length);
        double[] x = new double[features];
        for (int r : rows) {
            settings.featureSet().fill(queries.get(r), x);
            double[] values = Arrays.copyOf(x, features + 1);
            values[features] = classOf[r];
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }

    private static Grown grow(int[] rows, List<Query> queries, int[] classOf, List<String> classes,
                              TrainingSettings settings, Progress progress, java.util.function.IntConsumer treesBuilt) {
        Instances data = instances(rows, queries, classOf, classes, settings);
        ObservedForest weka = new ObservedForest(settings, progress, treesBuilt);
        try {
            weka.buildClassifier(data);
        } catch (CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not grow the forest: " + e.getMessage(), e);
        }
        return new Grown(new Forest(weka.trees(), settings.featureSet(), classes), data, weka.inBag());
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
