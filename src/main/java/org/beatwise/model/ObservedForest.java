package org.beatwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Futures;
import org.beatwise.task.Progress;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Instances;
import weka.core.Randomizable;

/**
 * Weka's RandomForest with our own loop for growing the trees, so that training reports trees built,
 * stops on cancel and fails loudly. (Weka's own loop counts a failed tree and carries on, which would
 * leave a forest with a missing tree.) Each tree's seed and bootstrap sample are fixed by Weka before
 * this loop runs, so the forest is identical for any number of threads.
 *
 * <p>It also records which training rows each tree's bootstrap sample held ({@link #inBag()}), so the
 * trainer can score every training row with only the trees that never saw it (out-of-bag) instead of
 * growing a second forest for that. The bags are the ones Weka would draw anyway: the same seed per
 * tree and the same resampling call, with the record switched on.
 *
 * <p>The trees are {@link FastRandomTree}s: Weka's own trees, grown without Weka's per-node sorting;
 * the rows are sorted once here for all of them ({@link #presort}). {@link #trees()} hands out plain
 * Weka RandomTrees holding the grown nodes.
 *
 * <p>Only the trees are ever saved (see {@link Forest}); this class is never serialised.
 */
final class ObservedForest extends RandomForest {

    private static final long serialVersionUID = 1L;

    private final transient int slots;
    private final transient Progress progress;
    private final transient IntConsumer treesBuilt;
    private transient boolean[][] inBag;
    private transient FlatTrees flat;
    private transient char[][] leaves;

    /** Leaves are recorded while the forest has at most this many (row, tree) pairs: 2 bytes each. */
    static final long KEEP_LEAVES = 8_000_000;

    ObservedForest(TrainingSettings settings, Progress progress, IntConsumer treesBuilt) {
        this.slots = settings.effectiveExecutionSlots();
        this.progress = progress;
        this.treesBuilt = treesBuilt;
        // first: the forest's setters below pass depth and features to the base tree
        setClassifier(new FastRandomTree());
        setNumIterations(settings.trees());
        setMaxDepth(settings.maxDepth());
        setNumFeatures(settings.effectiveFeaturesPerSplit());
        setSeed(settings.seed());
        setNumExecutionSlots(slots);
        ((RandomTree) getClassifier()).setMinNum(settings.minLeaf());
    }

    /**
     * Grows the forest from the rows as columns: what {@code buildClassifier} does (Bagging's copies of
     * the base tree, their seeds from one {@code Random(seed)}, the same bags), without Bagging's copy of
     * every row and a bag of copied instances per tree. Rows {@link FastRandomTree} does not grow itself
     * go to Weka's own path as instances.
     */
    void grow(Columns data) throws Exception {
        if (!(m_Classifier instanceof FastRandomTree) || !data.growable() || m_BagSizePercent != 100
                || !getRepresentCopiesUsingWeights() || getCalcOutOfBag()) {
            buildClassifier(data.instances(null));
            return;
        }
        if (m_numExecutionSlots < 0) {
            throw new Exception("Number of execution slots needs to be >= 0!");
        }
        m_Classifiers = AbstractClassifier.makeCopies(m_Classifier, m_NumIterations);
        Random random = new Random(m_Seed);
        for (Classifier c : m_Classifiers) {
            ((Randomizable) c).setSeed(random.nextInt());
        }
        growColumns(data);
    }

    /**
     * The grown trees in flat form for scoring ({@link FlatTrees}), each read by the thread that grew it;
     * null when the forest was grown by Weka's own path.
     */
    FlatTrees flatTrees() {
        return flat;
    }

    /**
     * Null, or per tree null or per training row: 1 + the {@link FlatTrees} position of the leaf the row
     * ends in when the tree's bag held it (0 otherwise).
     */
    char[][] leaves() {
        return leaves;
    }

    /** The grown trees, in order, as plain Weka RandomTrees (what a bundle saves). */
    Classifier[] trees() {
        Classifier[] trees = new Classifier[m_Classifiers.length];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = m_Classifiers[t] instanceof FastRandomTree fast ? fast.asWekaTree() : m_Classifiers[t];
        }
        return trees;
    }

    /** {@code inBag()[t][i]}: whether tree t's bootstrap sample held training row i (rows in the order given). */
    boolean[][] inBag() {
        return inBag;
    }

    /**
     * Weka's own bag for this iteration (Bagging.getTrainingSet draws the same way, seeded with
     * {@code seed + iteration}), with the in-bag record kept whether or not Weka's out-of-bag
     * evaluation is on: that evaluation would score every row with every tree a second time.
     */
    @Override
    protected Instances getTrainingSet(int iteration) throws Exception {
        boolean[] held = new boolean[m_data.numInstances()];
        Instances bag = m_data.resampleWithWeights(new Random(m_Seed + iteration), held,
                getRepresentCopiesUsingWeights(), m_BagSizePercent);
        inBag[iteration] = held;
        return bag;
    }

    /** Every tree from the columns, each from its bag as counts: no instance is copied. */
    private void growColumns(Columns data) throws Exception {
        int n = data.size();
        inBag = new boolean[m_Classifiers.length][];
        flat = FlatTrees.empty(m_Classifiers.length);
        int[][] order = new int[data.x().length][];
        for (int a = 0; a < order.length; a++) {
            if (data.x()[a] != null) {
                order[a] = FastRandomTree.sortedBy(data.x()[a]);
            }
        }
        Bags bags = new Bags(n);
        // each held row's leaf, so scoring the training rows walks only the trees that did not hold them
        leaves = (long) n * m_Classifiers.length <= KEEP_LEAVES ? new char[m_Classifiers.length][] : null;
        inPool(iteration -> {
            // Bagging.getTrainingSet's draws: Random(seed + iteration), the rows' weights all 1
            int[] counts = bags.counts(new Random(m_Seed + iteration), m_BagSizePercent);
            boolean[] held = new boolean[n];
            for (int i = 0; i < n; i++) {
                held[i] = counts[i] > 0;
            }
            inBag[iteration] = held;
            FastRandomTree tree = (FastRandomTree) m_Classifiers[iteration];
            char[] leafOf = leaves == null ? null : new char[n];
            if (tree.grow(data, counts, order, leafOf) && leaves != null) {
                leaves[iteration] = leafOf;
            }
            flat.read(iteration, tree.asWekaTree());
        });
    }

    /** A tree's work, run for every iteration on the forest's threads; trees are reported in order. */
    private interface TreeWork {
        void grow(int iteration) throws Exception;
    }

    private void inPool(TreeWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(slots, runnable -> {
            Thread t = new Thread(runnable, "beatwise-forest");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // training must not starve the UI thread
            return t;
        });
        try {
            List<Future<?>> trees = new ArrayList<>(m_Classifiers.length);
            for (int i = 0; i < m_Classifiers.length; i++) {
                int iteration = i;
                trees.add(pool.submit(() -> {
                    if (progress.isCancelled()) {
                        throw new CancelledException();
                    }
                    work.grow(iteration);
                    return null;
                }));
            }
            int done = 0;
            for (Future<?> tree : trees) {
                await(tree);
                treesBuilt.accept(++done);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    protected void buildClassifiers() throws Exception {
        Columns columns = m_Classifier instanceof FastRandomTree && m_BagSizePercent == 100
                && getRepresentCopiesUsingWeights() && !getCalcOutOfBag() ? Columns.of(m_data) : null;
        if (columns != null && columns.growable()) {
            growColumns(columns);
            return;
        }
        inBag = new boolean[m_Classifiers.length][];
        int[][] order = presort(m_data);
        inPool(iteration -> {
            Instances bag = getTrainingSet(iteration);
            if (order != null && m_Classifiers[iteration] instanceof FastRandomTree fast) {
                fast.buildClassifier(bag, FastRandomTree.bagOrder(order, inBag[iteration]));
            } else {
                m_Classifiers[iteration].buildClassifier(bag);
            }
        });
    }

    /**
     * Every numeric attribute's order of the training rows, found once for the whole forest; each tree
     * takes its bag's rows from it (see {@link FastRandomTree#bagOrder}). Null when the rows hold a
     * missing value, which the fast trees hand to Weka anyway.
     */
    private static int[][] presort(Instances data) {
        int[][] order = new int[data.numAttributes()][];
        double[] values = new double[data.numInstances()];
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a == data.classIndex() || !data.attribute(a).isNumeric()) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = data.instance(i).value(a);
                if (Double.isNaN(values[i])) {
                    return null;
                }
            }
            order[a] = FastRandomTree.sortedBy(values);
        }
        return order;
    }

    private void await(Future<?> tree) throws Exception {
        Futures.join(tree, progress, cause -> cause instanceof Exception e ? e : new IllegalStateException("growing a tree failed", cause));
    }
}
