package org.beatwise.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.classifiers.trees.RandomTree;
import weka.core.ContingencyTables;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Weka's {@link RandomTree}, grown without Weka's per-node work: the tree it grows is the tree Weka's
 * {@code RandomTree.Tree.buildTree} grows from the same data and settings, node for node (the same
 * attribute draws from the same {@code Random}, the same gains compared in the same order, so the same
 * split attributes, split points, branch proportions and leaf class counts, bit for bit).
 *
 * <p>Why: Weka sorts a node's rows again for every attribute it tries ({@code Instances.sort}) and
 * copies the rows into each child ({@code splitData}); that was most of the training time. Here every
 * attribute's order is found once per tree, each node is a range of those orders, and a split
 * partitions the ranges stably into the children, so no node sorts or copies an instance.
 *
 * <p>Which data it grows itself, and why the rest goes to {@code super.buildClassifier}: a nominal class,
 * numeric attributes only, no missing value (attribute or class), no {@code -0.0} (it equals {@code 0.0}
 * yet prints differently, so which of them opens a run of equal values would matter), whole, non-negative
 * instance weights (what a bag represented as weights holds), no back-fitting folds. With whole weights
 * every class sum Weka forms is an exact integer, so the order in which Weka's (unstable) quicksort
 * leaves equal values cannot change a single bit; with fractional weights it could, so those go to Weka.
 * A numeric class (regression), nominal attributes, missing values and {@code numFolds > 0} go to Weka too.
 *
 * <p>The grown nodes are Weka's own {@code RandomTree.Tree} objects (made and filled through reflection,
 * since their fields are protected), whose enclosing tree is a plain {@link RandomTree} with this tree's
 * settings ({@link #asWekaTree()}): Weka's {@code distributionForInstance}, {@code toString},
 * {@link FlatTrees} and the bundle's serialised stream (only {@code weka.*} classes) see exactly what
 * Weka's own grower leaves.
 */
final class FastRandomTree extends RandomTree {

    private static final long serialVersionUID = 1L;
    private static final double LOG2 = Math.log(2);
    // whole weights summing to less than this are exact in any order (far below 2^53) and index a table of c ln c
    private static final double MAX_TOTAL = 100_000_000;
    private static final int RESUM = 1024;
    private static volatile double[] XLNX = new double[0];

    private static final Constructor<?> NODE;
    private static final Field SUCCESSORS;
    private static final Field ATTRIBUTE;
    private static final Field SPLIT_POINT;
    private static final Field PROP;
    private static final Field CLASS_DISTRIBUTION;
    private static final Field TREE;
    private static final Class<?> NODE_CLASS;
    private static final List<Field> SETTINGS = new ArrayList<>();

    static {
        try {
            Class<?> node = null;
            for (Class<?> c : RandomTree.class.getDeclaredClasses()) {
                if (c.getSimpleName().equals("Tree")) {
                    node = c;
                }
            }
            if (node == null) {
                throw new IllegalStateException("this Weka version's RandomTree has no Tree class");
            }
            NODE_CLASS = node;
            NODE = node.getDeclaredConstructor(RandomTree.class);
            NODE.setAccessible(true);
            SUCCESSORS = open(node, "m_Successors");
            ATTRIBUTE = open(node, "m_Attribute");
            SPLIT_POINT = open(node, "m_SplitPoint");
            PROP = open(node, "m_Prop");
            CLASS_DISTRIBUTION = open(node, "m_ClassDistribution");
            TREE = open(RandomTree.class, "m_Tree");
            for (Class<?> c = RandomTree.class; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        SETTINGS.add(f);
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Weka version's RandomTree cannot be grown here: " + e, e);
        }
    }

    private static Field open(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** The plain Weka tree that encloses the grown nodes (and holds the same settings); null until grown. */
    private transient RandomTree weka;
    private transient boolean grownHere;
    private transient int[][] presorted;

    FastRandomTree() {
        // as RandomForest's own default tree: the forest checks the data once, not every tree
        setDoNotCheckCapabilities(true);
    }

    /**
     * This tree as a plain {@link RandomTree} holding the same nodes and settings: what a forest keeps and
     * saves, so a saved stream names only {@code weka.*} classes.
     */
    RandomTree asWekaTree() {
        if (weka == null) {
            throw new IllegalStateException("the tree has not been grown");
        }
        return weka;
    }

    /** Whether the last {@link #buildClassifier} grew the tree here rather than handing it to Weka. */
    boolean grownHere() {
        return grownHere;
    }

    /**
     * Grows the tree with each attribute's order of the data's rows already found ({@code order[a]},
     * null for the class), so that a forest sorts its rows once rather than once per tree. An order that
     * is not a permutation in ascending order of the attribute's values is ignored and found here.
     */
    void buildClassifier(Instances data, int[][] order) throws Exception {
        presorted = order;
        try {
            buildClassifier(data);
        } finally {
            presorted = null;
        }
    }

    /**
     * Grows the tree from the shared columns and this tree's bag as counts ({@link Bags}), exactly as
     * {@link #buildClassifier} grows it from the bag's instances (each drawn row once, in row order,
     * weighing its count): the same set-up, the same seed rule (the bag's row Weka's
     * {@code getRandomNumberGenerator} picks, printed as Weka prints it), the same rows. {@code order[a]}
     * is attribute a's order of all the columns' rows; the bag's rows are taken from it. The columns must
     * be {@link Columns#growable()}; {@code m_NumFolds > 0} goes to Weka with the bag's instances.
     *
     * <p>With {@code leafOf} (one a row, or null) it records for every row the bag holds the leaf the row
     * ends in: 1 + the leaf's position in the tree's pre-order (as {@link FlatTrees} numbers nodes), so
     * scoring need not walk the tree for it. Returns whether every held row's leaf was recorded (not if
     * Weka grew the tree, nor past 65,534 nodes).
     */
    boolean grow(Columns data, int[] counts, int[][] order, char[] leafOf) throws Exception {
        if (m_NumFolds > 0) {
            buildClassifier(data.instances(counts));
            return false;
        }
        weka = null;
        grownHere = false;
        RandomTree plain = new RandomTree();
        copySettings(this, plain);
        Instances header = data.header();
        if (m_computeImpurityDecreases) {
            m_impurityDecreasees = new double[header.numAttributes()][2];
        }
        if (m_KValue > header.numAttributes() - 1) {
            m_KValue = header.numAttributes() - 1;
        }
        if (m_KValue < 1) {
            m_KValue = (int) Utils.log2(header.numAttributes() - 1) + 1;
        }
        m_zeroR = null;
        int bagSize = 0;
        for (int c : counts) {
            if (c > 0) {
                bagSize++;
            }
        }
        // Instances.getRandomNumberGenerator on the bag: a row drawn by position, its text seeds the rest
        Random rand = new Random(m_randomSeed);
        int pick = rand.nextInt(bagSize);
        int row = -1;
        for (int i = 0, held = -1; held < pick; i++) {
            if (counts[i] > 0) {
                held++;
                row = i;
            }
        }
        rand.setSeed(data.instance(row, counts[row]).toStringNoWeight().hashCode() + (long) m_randomSeed);

        int[] attIndicesWindow = window(header);
        Grower grower = new Grower(data, counts, heldOrder(order, counts, bagSize), bagSize, plain, rand);
        grower.leafOf = leafOf;
        double[] classProbs = new double[header.numClasses()];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                classProbs[data.y()[i]] += counts[i];
            }
        }
        m_Info = new Instances(header, 0);
        m_Tree = (Tree) grower.grow(0, bagSize, classProbs, attIndicesWindow, 0, true);
        copySettings(this, plain);
        weka = plain;
        grownHere = true;
        return leafOf != null && grower.nodes < Character.MAX_VALUE;
    }

    private static int[] window(Instances data) {
        int[] attIndicesWindow = new int[data.numAttributes() - 1];
        int j = 0;
        for (int i = 0; i < attIndicesWindow.length; i++) {
            if (j == data.classIndex()) {
                j++;
            }
            attIndicesWindow[i] = j++;
        }
        return attIndicesWindow;
    }

    /** Each attribute's order of the rows a bag holds (row numbers as in the columns), from the order of all rows. */
    private static int[][] heldOrder(int[][] order, int[] counts, int bagSize) {
        boolean[] held = new boolean[counts.length]; // a quarter of the counts' bytes: the filter's random reads stay in cache
        for (int i = 0; i < counts.length; i++) {
            held[i] = counts[i] > 0;
        }
        int[][] bag = new int[order.length][];
        for (int a = 0; a < order.length; a++) {
            if (order[a] == null) {
                continue;
            }
            int[] rows = new int[bagSize];
            int k = 0;
            for (int i : order[a]) {
                if (held[i]) {
                    rows[k++] = i;
                }
            }
            bag[a] = rows;
        }
        return bag;
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        weka = null;
        grownHere = false;
        RandomTree plain = new RandomTree();
        copySettings(this, plain);
        if (!growable(data)) {
            // Weka's own grower (super.buildClassifier) on a plain tree, so its nodes enclose no class of ours
            plain.buildClassifier(data);
            copySettings(plain, this);
            weka = plain;
            return;
        }
        // the same order of set-up as RandomTree.buildClassifier
        if (m_computeImpurityDecreases) {
            m_impurityDecreasees = new double[data.numAttributes()][2];
        }
        if (m_KValue > data.numAttributes() - 1) {
            m_KValue = data.numAttributes() - 1;
        }
        if (m_KValue < 1) {
            m_KValue = (int) Utils.log2(data.numAttributes() - 1) + 1;
        }
        getCapabilities().testWithFail(data);
        m_zeroR = null;
        Random rand = data.getRandomNumberGenerator(m_randomSeed);

        int[] attIndicesWindow = window(data);

        Grower grower = new Grower(data, plain, rand);
        double[] classProbs = new double[data.numClasses()];
        for (int i = 0; i < grower.n; i++) {
            classProbs[grower.y[i]] += grower.w[i];
        }
        m_Info = new Instances(data, 0);
        m_Tree = (Tree) grower.grow(0, grower.n, classProbs, attIndicesWindow, 0, true);
        copySettings(this, plain);
        weka = plain;
        grownHere = true;
    }

    /**
     * The positions of {@code values} in ascending order of value (equal values in any order): the
     * distinct values sorted, each value's rank by binary search, then a counting sort by rank.
     */
    static int[] sortedBy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] rank = new int[values.length];
        int[] start = new int[distinct + 1];
        for (int i = 0; i < values.length; i++) {
            rank[i] = Arrays.binarySearch(sorted, 0, distinct, values[i]);
            start[rank[i] + 1]++;
        }
        for (int r = 0; r < distinct; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[start[rank[i]]++] = i;
        }
        return out;
    }

    /**
     * Each attribute's order of the rows a bag holds, from the order of all rows: the rows the bag held,
     * in the same order, renumbered as the bag numbers them. Weka's bags as weights hold each drawn row
     * once, in the rows' order, so row i of the data is row {@code (held rows before i)} of the bag.
     * {@code order[a]} null for the class and any attribute without an order.
     */
    static int[][] bagOrder(int[][] order, boolean[] held) {
        int[] position = new int[held.length];
        int next = 0;
        for (int i = 0; i < held.length; i++) {
            position[i] = held[i] ? next++ : -1;
        }
        int[][] bag = new int[order.length][];
        for (int a = 0; a < order.length; a++) {
            if (order[a] == null) {
                continue;
            }
            int[] rows = new int[next];
            int k = 0;
            for (int i : order[a]) {
                if (held[i]) {
                    rows[k++] = position[i];
                }
            }
            bag[a] = rows;
        }
        return bag;
    }

    /**
     * {@code ContingencyTables.lnFunc(c)} for every whole c up to at least {@code max}, shared by all
     * trees and grown when a larger total comes (values never change, so threads racing to grow it
     * only repeat work).
     */
    private static double[] xlnx(int max) {
        double[] table = XLNX;
        if (table.length <= max) {
            table = new double[Math.max(max + 1, 2 * table.length)];
            for (int c = 0; c < table.length; c++) {
                table[c] = ContingencyTables.lnFunc(c);
            }
            XLNX = table;
        }
        return table;
    }

    /** What this grower replicates exactly; anything else is Weka's (see the class comment). */
    private boolean growable(Instances data) {
        if (m_NumFolds > 0 || data.numAttributes() < 2 || data.numInstances() == 0 || data.classIndex() < 0
                || !data.classAttribute().isNominal()) {
            return false;
        }
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a != data.classIndex() && !data.attribute(a).isNumeric()) {
                return false;
            }
        }
        double total = 0;
        for (int i = 0; i < data.numInstances(); i++) {
            Instance inst = data.instance(i);
            double w = inst.weight();
            if (!(w >= 0) || w != Math.rint(w)) {
                return false;
            }
            total += w;
            for (int a = 0; a < data.numAttributes(); a++) {
                double v = inst.value(a);
                if (Double.isNaN(v) || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
                    return false;
                }
            }
        }
        return total < MAX_TOTAL;
    }

    private static void copySettings(RandomTree from, RandomTree to) {
        try {
            for (Field f : SETTINGS) {
                f.set(to, f.get(from));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("copying RandomTree's settings failed", e);
        }
    }

    /** One tree's growing: the rows as columns, every attribute's order, and the recursion of buildTree. */
    private final class Grower {
        final int n;
        final int classes;
        final double[][] x;
        final int[] y;
        /** Each row's weight, a whole number (see {@link #growable}); 0 for a row the bag does not hold. */
        final int[] w;
        /** order[a][lo, hi): the node's rows sorted by attribute a (equal values in any order). */
        final int[][] order;
        final boolean[] left;
        final int[] buffer;
        /** gains[p]: the approximate gain of the candidate split before position p of the current scan. */
        final double[] gains;
        /** The last position of the current scan whose gain was within the margin of the best gain so far. */
        int lastNear;
        /** Null, or per row 1 + the pre-order position of the leaf it ends in (0: not recorded). */
        char[] leafOf;
        /** Nodes made so far: the next node's pre-order position. */
        int nodes;

        final RandomTree outer;
        final Random random;

        /** The shared columns: rows numbered as there, the bag's rows weighing their counts, the others 0. */
        Grower(Columns data, int[] counts, int[][] bagOrder, int bagSize, RandomTree outer, Random random) {
            this.outer = outer;
            this.random = random;
            n = data.size();
            classes = data.header().numClasses();
            x = data.x();
            y = data.y();
            w = counts;
            order = bagOrder;
            left = new boolean[n];
            buffer = new int[bagSize];
            gains = new double[bagSize];
        }

        Grower(Instances data, RandomTree outer, Random random) {
            this.outer = outer;
            this.random = random;
            n = data.numInstances();
            classes = data.numClasses();
            int attributes = data.numAttributes();
            int classIndex = data.classIndex();
            x = new double[attributes][];
            y = new int[n];
            w = new int[n];
            for (int a = 0; a < attributes; a++) {
                if (a != classIndex) {
                    x[a] = new double[n];
                }
            }
            for (int i = 0; i < n; i++) {
                Instance inst = data.instance(i);
                for (int a = 0; a < attributes; a++) {
                    if (a != classIndex) {
                        x[a][i] = inst.value(a);
                    }
                }
                y[i] = (int) inst.classValue();
                w[i] = (int) inst.weight(); // whole (growable checked it)
            }
            order = new int[attributes][];
            for (int a = 0; a < attributes; a++) {
                if (a != classIndex) {
                    int[] given = presorted == null || presorted.length != attributes ? null : presorted[a];
                    order[a] = given != null && sortedPermutation(given, x[a]) ? given.clone() : sortedBy(x[a]);
                }
            }
            left = new boolean[n];
            buffer = new int[n];
            gains = new double[n];
        }

        /** Whether {@code rows} holds every row once, in ascending order of {@code values}. */
        private boolean sortedPermutation(int[] rows, double[] values) {
            if (rows.length != values.length) {
                return false;
            }
            boolean[] seen = new boolean[rows.length];
            for (int p = 0; p < rows.length; p++) {
                int r = rows[p];
                if (r < 0 || r >= rows.length || seen[r] || (p > 0 && values[r] < values[rows[p - 1]])) {
                    return false;
                }
                seen[r] = true;
            }
            return true;
        }

        /**
         * RandomTree.Tree.buildTree for the rows order[*][lo, hi), nominal class, numeric attributes.
         * {@code ranged} is false for a leaf whose parent skipped reordering (see {@link #partition}):
         * its range then names no rows, and the parent records its rows' leaves.
         */
        Object grow(int lo, int hi, double[] classProbs, int[] attIndicesWindow, int depth, boolean ranged)
                throws Exception {
            Object node = NODE.newInstance(outer);
            int index = nodes++;
            if (hi == lo) {
                // an empty branch: no class distribution, as Weka leaves it
                ATTRIBUTE.setInt(node, -1);
                return node;
            }
            double totalWeight = Utils.sum(classProbs);
            if (totalWeight < 2 * m_MinNum
                    || Utils.eq(classProbs[Utils.maxIndex(classProbs)], Utils.sum(classProbs))
                    || (getMaxDepth() > 0 && depth >= getMaxDepth())) {
                ATTRIBUTE.setInt(node, -1);
                CLASS_DISTRIBUTION.set(node, classProbs.clone());
                if (ranged) {
                    leaf(lo, hi, index);
                }
                return node;
            }

            double val = -Double.MAX_VALUE;
            double split = -Double.MAX_VALUE;
            double[][] bestDists = null;
            int bestIndex = 0;
            int windowSize = attIndicesWindow.length;
            int k = m_KValue;
            boolean gainFound = false;
            double[] splitOut = new double[1];
            while (windowSize > 0 && (k-- > 0 || !gainFound)) {
                int chosenIndex = random.nextInt(windowSize);
                int attIndex = attIndicesWindow[chosenIndex];
                attIndicesWindow[chosenIndex] = attIndicesWindow[windowSize - 1];
                attIndicesWindow[windowSize - 1] = attIndex;
                windowSize--;

                double[][] dist = distribution(attIndex, lo, hi, splitOut);
                double currSplit = splitOut[0];
                double[] xlnx = xlnx((int) totalWeight); // Weka's lnFunc of every whole count up to the node's total
                double currVal = entropyOverColumns(dist, xlnx) - entropyConditionedOnRows(dist, xlnx);
                if (Utils.gr(currVal, 0)) {
                    gainFound = true;
                }
                if (currVal > val || (!getBreakTiesRandomly() && currVal == val && attIndex < bestIndex)) {
                    val = currVal;
                    bestIndex = attIndex;
                    split = currSplit;
                    bestDists = dist;
                }
            }

            ATTRIBUTE.setInt(node, bestIndex);
            if (!Utils.gr(val, 0)) {
                ATTRIBUTE.setInt(node, -1);
                CLASS_DISTRIBUTION.set(node, classProbs.clone());
                leaf(lo, hi, index); // a node past the leaf test was reached through a reordering parent
                return node;
            }
            if (m_computeImpurityDecreases) {
                m_impurityDecreasees[bestIndex][0] += val;
                m_impurityDecreasees[bestIndex][1]++;
            }
            SPLIT_POINT.setDouble(node, split);
            PROP.set(node, props(bestDists));
            // children that will be leaves read no order, so a node whose children both will be skips the work
            boolean reorder = !(leafAhead(bestDists[0], depth + 1) && leafAhead(bestDists[1], depth + 1));
            int mid = partition(bestIndex, split, lo, hi, reorder);
            Object[] successors = (Object[]) java.lang.reflect.Array.newInstance(NODE_CLASS, bestDists.length);
            successors[0] = grow(lo, mid, bestDists[0], attIndicesWindow, depth + 1, reorder);
            successors[1] = grow(mid, hi, bestDists[1], attIndicesWindow, depth + 1, reorder);
            if (!reorder && leafOf != null && nodes < Character.MAX_VALUE) {
                // both children are leaves (index + 1 and index + 2) and partition marked each row's side
                int[] rows = order[bestIndex];
                for (int p = lo; p < hi; p++) {
                    int r = rows[p];
                    leafOf[r] = (char) (left[r] ? index + 2 : index + 3);
                }
            }
            SUCCESSORS.set(node, successors);
            if (CLASS_DISTRIBUTION.get(successors[0]) == null || CLASS_DISTRIBUTION.get(successors[1]) == null) {
                CLASS_DISTRIBUTION.set(node, classProbs.clone());
            }
            return node;
        }

        /** Records that the rows order[*][lo, hi) end in the node at pre-order position {@code index}. */
        private void leaf(int lo, int hi, int index) {
            if (leafOf == null || nodes >= Character.MAX_VALUE) {
                return;
            }
            int[] rows = null;
            for (int[] o : order) {
                if (o != null) {
                    rows = o;
                    break;
                }
            }
            for (int p = lo; p < hi; p++) {
                leafOf[rows[p]] = (char) (index + 1);
            }
        }

        /** Whether a child with these class counts stops at once (the leaf test of {@link #grow}). */
        private boolean leafAhead(double[] classProbs, int depth) {
            double sum = Utils.sum(classProbs);
            return sum < 2 * m_MinNum || Utils.eq(classProbs[Utils.maxIndex(classProbs)], sum)
                    || (getMaxDepth() > 0 && depth >= getMaxDepth());
        }

        /** Weka's branch proportions: each branch's weight share, or equal shares if there is no weight. */
        private double[] props(double[][] dist) {
            double[] props = new double[dist.length];
            for (int b = 0; b < props.length; b++) {
                props[b] = Utils.sum(dist[b]);
            }
            if (Utils.eq(Utils.sum(props), 0)) {
                Arrays.fill(props, 1.0 / props.length);
            } else {
                Utils.normalize(props);
            }
            return props;
        }

        /**
         * RandomTree.Tree.distribution for a numeric attribute without missing values: the class counts on
         * either side of the best split point and ({@code splitOut[0]}) the split point, NaN if all values
         * are equal.
         *
         * <p>Weka computes the conditional entropy of every candidate split point in full (a sum over all
         * classes, for each distinct value). Here a first pass keeps that sum up to date as rows move
         * across, which is not bit-exact but is within a proven bound of Weka's value ({@link #slack}); a
         * second pass computes Weka's exact value, with Weka's own function, only for the candidates that
         * the bound cannot rule out as the best, and picks among them as Weka does (the first strictly
         * greater). Every candidate whose exact gain reaches the maximum is on that shortlist, so the
         * chosen point and its class counts are Weka's.
         */
        private double[][] distribution(int att, int lo, int hi, double[] splitOut) {
            int[] rows = order[att];
            double[] values = x[att];
            double[][] currDist = new double[2][classes];
            for (int p = lo; p < hi; p++) {
                currDist[1][y[rows[p]]] += w[rows[p]];
            }
            double total = Utils.sum(currDist[1]);
            double[] xlnx = xlnx((int) total);
            double priorVal = entropyOverColumns(currDist, xlnx);
            double[][] dist = new double[2][];
            dist[0] = currDist[0].clone();
            dist[1] = currDist[1].clone();
            double first = values[rows[lo]];
            double threshold = -Double.MAX_VALUE;
            int end = hi;
            if (total > 0) {
                double margin = 2 * slack(total, priorVal);
                double best = approximateGains(rows, values, lo, hi, currDist[1], total, priorVal, first, margin);
                if (best == Double.NEGATIVE_INFINITY) {
                    splitOut[0] = Double.NaN; // all values equal: no candidate, as in Weka
                    return dist;
                }
                threshold = best - margin;
                // no candidate after lastNear can reach the threshold: the exact pass stops there
                end = lastNear + 1;
            }

            double splitPoint = Double.NaN;
            double currSplit = first;
            double bestVal = -Double.MAX_VALUE;
            for (int p = lo; p < end; p++) {
                int r = rows[p];
                double attVal = values[r];
                if (attVal > currSplit) {
                    if (gains[p] >= threshold) {
                        double currVal = priorVal - entropyConditionedOnRows(currDist, xlnx);
                        if (currVal > bestVal) {
                            bestVal = currVal;
                            splitPoint = (attVal + currSplit) / 2.0;
                            if (splitPoint <= currSplit) {
                                splitPoint = attVal;
                            }
                            System.arraycopy(currDist[0], 0, dist[0], 0, classes);
                            System.arraycopy(currDist[1], 0, dist[1], 0, classes);
                        }
                    }
                    currSplit = attVal;
                }
                currDist[0][y[r]] += w[r];
                currDist[1][y[r]] -= w[r];
            }
            splitOut[0] = splitPoint;
            return dist;
        }

        /**
         * First pass: every candidate's gain, approximately, into {@code gains[p]}; returns the largest
         * (negative infinity if there is no candidate). The class terms {@code c ln c} are summed as rows
         * move across, with a full re-sum every {@value #RESUM} moves so rounding cannot build up.
         * Records in {@link #lastNear} the last candidate within {@code margin} of the best gain seen up
         * to it: every candidate within the margin of the final best gain is there or before it.
         */
        private double approximateGains(int[] rows, double[] values, int lo, int hi, double[] totals, double total,
                                        double priorVal, double first, double margin) {
            // whole counts up to the total: c ln c from a table (Weka's own values), not a call per count
            double[] xlnx = xlnx((int) total);
            int[] c0 = new int[classes];
            int[] c1 = new int[classes];
            for (int c = 0; c < classes; c++) {
                c1[c] = (int) totals[c];
            }
            int r0 = 0;
            int r1 = (int) total;
            double terms = 0;
            for (int c = 0; c < classes; c++) {
                terms += xlnx[c1[c]];
            }
            double denominator = total * LOG2;
            double best = Double.NEGATIVE_INFINITY;
            lastNear = lo;
            double currSplit = first;
            int moves = 0;
            for (int p = lo; p < hi; p++) {
                int r = rows[p];
                double attVal = values[r];
                if (attVal > currSplit) {
                    double ret = terms - xlnx[r0] - xlnx[r1];
                    double gain = priorVal + ret / denominator;
                    gains[p] = gain;
                    if (gain > best) {
                        best = gain;
                    }
                    if (gain >= best - margin) {
                        lastNear = p; // the best so far only grows: a later shortlist holds no position past this
                    }
                    currSplit = attVal;
                }
                int wr = w[r];
                if (wr != 0) {
                    int c = y[r];
                    int old0 = c0[c];
                    int old1 = c1[c];
                    c0[c] = old0 + wr;
                    c1[c] = old1 - wr;
                    r0 += wr;
                    r1 -= wr;
                    terms += (xlnx[old0 + wr] - xlnx[old0]) + (xlnx[old1 - wr] - xlnx[old1]);
                    if (++moves == RESUM) {
                        moves = 0;
                        terms = 0;
                        for (int k = 0; k < classes; k++) {
                            terms += xlnx[c0[k]] + xlnx[c1[k]];
                        }
                    }
                }
            }
            return best;
        }

        /**
         * {@code ContingencyTables.entropyOverColumns} for a table of whole counts, operation for operation
         * in Weka's order, with {@code lnFunc} read from the table of its own values.
         */
        private double entropyOverColumns(double[][] matrix, double[] xlnx) {
            double returnValue = 0;
            double total = 0;
            for (int j = 0; j < matrix[0].length; j++) {
                double sumForColumn = 0;
                for (double[] row : matrix) {
                    sumForColumn += row[j];
                }
                returnValue = returnValue - xlnx[(int) sumForColumn];
                total += sumForColumn;
            }
            if (Utils.eq(total, 0)) {
                return 0;
            }
            return (returnValue + xlnx[(int) total]) / (total * ContingencyTables.log2);
        }

        /**
         * {@code ContingencyTables.entropyConditionedOnRows} for a table of whole counts, operation for
         * operation in Weka's order, with {@code lnFunc} read from the table of its own values: the same
         * double, without a call and its checks per cell.
         */
        private double entropyConditionedOnRows(double[][] matrix, double[] xlnx) {
            double returnValue = 0;
            double total = 0;
            for (double[] row : matrix) {
                double sumForRow = 0;
                for (int j = 0; j < matrix[0].length; j++) {
                    returnValue = returnValue + xlnx[(int) row[j]];
                    sumForRow += row[j];
                }
                returnValue = returnValue - xlnx[(int) sumForRow];
                total += sumForRow;
            }
            if (Utils.eq(total, 0)) {
                return 0;
            }
            return -returnValue / (total * ContingencyTables.log2);
        }

        /**
         * How far an approximate gain can be from Weka's exact one. All terms {@code c ln c} of a
         * contingency table with whole counts are non-negative and sum to at most {@code 2 T ln T}
         * (T the total weight), so every partial sum, Weka's or ours, is at most that in size; Weka's sum
         * of 2k + 2 terms rounds at most 2k + 2 times, ours at most 4 {@value #RESUM} + 2k + 4 times
         * since the last re-sum, each by at most 2^-53 of that size. 1e-11 of it is about 20 times
         * what all of those roundings can add up to with 54 classes (still 3 times with 10,000); the last
         * term covers the division and the subtraction from the prior entropy.
         */
        private double slack(double total, double priorVal) {
            double size = 2 * ContingencyTables.lnFunc(total) + 1;
            double denominator = total * LOG2;
            return 1e-11 * size / denominator + 1e-12 * (Math.abs(priorVal) + size / denominator + 1);
        }

        /**
         * Splits the range [lo, hi) of every attribute's order into the rows below the split point and
         * the rest, each part keeping its order (only counting them if {@code reorder} is false); returns
         * where the second part starts.
         */
        private int partition(int att, double splitPoint, int lo, int hi, boolean reorder) {
            int[] byAtt = order[att];
            int below = 0;
            for (int p = lo; p < hi; p++) {
                int r = byAtt[p];
                boolean l = x[att][r] < splitPoint;
                left[r] = l;
                if (l) {
                    below++;
                }
            }
            if (!reorder) {
                return lo + below;
            }
            for (int[] rows : order) {
                if (rows == null) {
                    continue;
                }
                int a = lo;
                int b = 0;
                for (int p = lo; p < hi; p++) {
                    int r = rows[p];
                    if (left[r]) {
                        rows[a++] = r;
                    } else {
                        buffer[b++] = r;
                    }
                }
                System.arraycopy(buffer, 0, rows, a, b);
            }
            return lo + below;
        }
    }
}
