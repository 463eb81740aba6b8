package org.beatwise.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beatwise.domain.Incident;
import org.beatwise.features.Feature;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Labeler;
import org.beatwise.features.Labels;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Futures;
import org.beatwise.task.Progress;
import weka.classifiers.Classifier;
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

    /** Up to this many class sums (8 bytes each) are kept from the out-of-bag walk for the training accuracy. */
    static final long KEEP_SUMS = 4_000_000;

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
        int n = rows.size();
        Labels labels = labeler.label(settings.target(), rows);
        List<String> y = labels.values();
        long[] seconds = new long[n]; // the wall-clock times as numbers, not a LocalDateTime a row
        int[] nanos = null; // only if some time has them
        int labelledCount = 0;
        for (int r = 0; r < n; r++) {
            LocalDateTime time = rows.get(r).occurredAt();
            seconds[r] = time.toEpochSecond(ZoneOffset.UTC);
            if (time.getNano() != 0) {
                if (nanos == null) {
                    nanos = new int[n];
                }
                nanos[r] = time.getNano();
            }
            if (y.get(r) != null) {
                labelledCount++;
            }
        }
        int[] labelled = new int[labelledCount];
        for (int r = 0, i = 0; r < n; r++) {
            if (y.get(r) != null) {
                labelled[i++] = r;
            }
        }
        progress.update(0, settings.trees(), "splitting " + labelled.length + " rows");
        Splitter.Parts parts = Splitter.split(settings.split(), labelled, seconds, y, settings.seed(), HOLD_OUT);

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
        int[] classOf = new int[n];
        Arrays.fill(classOf, -1);
        for (int r : labelled) {
            classOf[r] = index.getOrDefault(y.get(r), -1);
        }
        int[] train = known(parts.train(), classOf);
        int[] test = known(parts.test(), classOf);
        if (test.length == 0) {
            throw new IllegalArgumentException("no test rows belong to a class the model knows");
        }
        // the provenance hashes need nothing the forest needs: made on another thread meanwhile
        ExecutorService hashing = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "beatwise-row-hash");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        Future<String[]> hashes = hashing.submit(() -> RowHash.ofRowsAndSubset(rows, train));
        hashing.shutdown();
        Columns[] columns = columns(rows, train, test, classOf, Forest.header(settings.featureSet(), classes),
                settings.featureSet());
        Columns trainRows = columns[0];
        Columns testRows = columns[1];

        // 1. one forest, from all training rows; it records which rows each tree's bootstrap sample held
        int trees = settings.trees();
        int k = classes.size();
        ObservedForest grown = new ObservedForest(settings, progress,
                done -> progress.update(done, trees, "growing the forest: tree " + done + " of " + trees));
        try {
            grown.grow(trainRows);
        } catch (CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not grow the forest: " + e.getMessage(), e);
        }
        Classifier[] forestTrees = grown.trees();
        FlatTrees flat = grown.flatTrees() != null ? grown.flatTrees() : FlatTrees.of(forestTrees);
        Forest forest = new Forest(forestTrees, settings.featureSet(), classes, flat);
        double[] prior = prior(train, classOf, k, 0);

        // 2. every training row's out-of-bag probabilities (only the trees that never saw it): a held-out
        // score for every training row without a second forest, and the test part never touches it
        progress.update(trees, trees, "scoring the " + train.length + " training rows out of bag");
        int slots = settings.effectiveExecutionSlots();
        double[] atTruth = new double[train.length];
        double[] total = new double[train.length];
        // the sums over all trees (for the training accuracy) come from the same walk while they fit in
        // a few tens of MB; a larger training part is walked again once the weight is known
        double[][] all = (long) train.length * k <= KEEP_SUMS ? new double[train.length][k] : null;
        ForestScores.outOfBag(forestTrees, flat, trainRows, grown.inBag(), grown.leaves(), atTruth, total, all, slots,
                progress);
        double weight = PriorBlend.chooseWeight(atTruth, total, prior, trainRows.y());
        Predictor predictor = new Predictor(forest, settings.target(), settings.featureSet(), classes, prior, weight);

        // 3. evaluation on the test part, beside the baselines; the training accuracy beside it
        progress.update(trees, trees, "evaluating on " + test.length + " test rows");
        int trainCorrect = ForestScores.correct(forestTrees, flat, trainRows, all, prior, weight, slots, progress);
        all = null;
        double[][] testRaw = ForestScores.sums(forestTrees, flat, testRows, slots, progress);
        Evaluation evaluation = evaluate(prior, weight, trainCorrect, train.length, testRaw, testRows.y(), classes);

        DataSummary summary = new DataSummary(n, labels.withoutLabel(), labels.unmappedToOther(),
                trainCounts.size(), trainCounts.size() - classes.size(), parts.train().length - train.length,
                parts.test().length - test.length, classes.size(), train.length, test.length,
                bound(rows, seconds, nanos, train, false), bound(rows, seconds, nanos, train, true),
                bound(rows, seconds, nanos, test, false), bound(rows, seconds, nanos, test, true));
        String[] rowHashes = Futures.join(hashes, "hashing the rows failed");
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, null, data.datasetName(),
                rowHashes[0], rowHashes[1], settings.target().key(), settings.featureSet().key(),
                settings.featureSet().features().stream().map(Feature::key).toList(), classes,
                settings.toProperties(), settings.seed(), settings.split().key(), summary, evaluation,
                (System.nanoTime() - started) / 1e9, appVersion(), weka.core.Version.VERSION,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                data.createdBy(), Instant.now().toString(), null, null);
        return new TrainedModel(predictor, metadata);
    }

    /** The rows of {@code part} whose class the model knows, in order. */
    private static int[] known(int[] part, int[] classOf) {
        int count = 0;
        for (int r : part) {
            if (classOf[r] >= 0) {
                count++;
            }
        }
        int[] kept = new int[count];
        int i = 0;
        for (int r : part) {
            if (classOf[r] >= 0) {
                kept[i++] = r;
            }
        }
        return kept;
    }

    /**
     * The training and the test rows as columns of feature values (feature-set order) and class. Every
     * row goes through {@link Query#of}, which refuses impossible values, as a prediction request does.
     */
    private static Columns[] columns(List<Incident> rows, int[] train, int[] test, int[] classOf, Instances header,
                                     FeatureSet featureSet) {
        int features = featureSet.size();
        // where[r]: i for training row i, -2 - i for test row i, -1 for a row in neither
        int[] where = new int[rows.size()];
        Arrays.fill(where, -1);
        for (int i = 0; i < train.length; i++) {
            where[train[i]] = i;
        }
        for (int i = 0; i < test.length; i++) {
            where[test[i]] = -2 - i;
        }
        double[][] trainX = new double[features + 1][];
        double[][] testX = new double[features + 1][];
        for (int a = 0; a < features; a++) {
            trainX[a] = new double[train.length];
            testX[a] = new double[test.length];
        }
        int[] trainY = new int[train.length];
        int[] testY = new int[test.length];
        double[] x = new double[features];
        for (int r = 0; r < where.length; r++) {
            featureSet.fill(Query.of(rows.get(r)), x);
            int w = where[r];
            if (w >= 0) {
                for (int a = 0; a < features; a++) {
                    trainX[a][w] = x[a];
                }
                trainY[w] = classOf[r];
            } else if (w < -1) {
                int i = -2 - w;
                for (int a = 0; a < features; a++) {
                    testX[a][i] = x[a];
                }
                testY[i] = classOf[r];
            }
        }
        return new Columns[] {new Columns(header, trainX, trainY), new Columns(header, testX, testY)};
    }

    /**
     * The figures of the test part beside the baselines, from the trees' summed distributions: each
     * row blended into one reused array and tallied in row order, as {@link Metrics#of} would tally them.
     */
    private static Evaluation evaluate(double[] prior, double weight, int trainCorrect, int nTrain,
                                       double[][] testSums, int[] truth, List<String> classes) {
        int k = classes.size();
        ForestScores.normalise(testSums); // now the forest's own probabilities, as Forest.distribution gives them
        double[] oneHot = new double[k];
        oneHot[0] = 1; // classes are ordered by training frequency, so class 0 is the majority class
        Metrics.Tally delivered = new Metrics.Tally(k);
        Metrics.Tally raw = new Metrics.Tally(k);
        Metrics.Tally majority = new Metrics.Tally(k);
        Metrics.Tally priorOnly = new Metrics.Tally(k);
        double[] p = new double[k];
        for (int i = 0; i < testSums.length; i++) {
            PriorBlend.apply(testSums[i], prior, weight, p);
            delivered.add(truth[i], p);
            raw.add(truth[i], testSums[i]);
            majority.add(truth[i], oneHot);
            priorOnly.add(truth[i], prior);
        }
        return new Evaluation(
                delivered.metrics(classes),
                raw.metrics(classes).scores(),
                majority.metrics(classes).scores(),
                priorOnly.metrics(classes).scores(),
                (double) trainCorrect / nTrain,
                weight, nTrain, testSums.length);
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

    /** The earliest (or latest) time of the rows, as ISO text. */
    private static String bound(List<Incident> rows, long[] seconds, int[] nanos, int[] part, boolean latest) {
        int best = -1;
        for (int r : part) {
            int c = best < 0 ? 0 : Long.compare(seconds[r], seconds[best]);
            if (c == 0 && best >= 0 && nanos != null) {
                c = Integer.compare(nanos[r], nanos[best]);
            }
            if (best < 0 || (latest ? c >= 0 : c < 0)) {
                best = r;
            }
        }
        return best < 0 ? null : rows.get(best).occurredAt().toString();
    }

    static String appVersion() {
        String v = RandomForestTrainer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
