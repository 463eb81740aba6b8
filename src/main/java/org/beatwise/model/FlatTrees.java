package org.beatwise.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomTree;

/**
 * Weka's grown RandomTrees copied into flat arrays for scoring, read once after growing or loading.
 *
 * <p>Why: {@code RandomTree.distributionForInstance} clones and normalises the leaf's class counts on
 * every call, which made scoring the training and test rows (50 trees × 34,000 rows) about a fifth of
 * training time and most of a one-row prediction. Here each leaf's normalised distribution is computed
 * once, with Weka's own arithmetic (clone, sum, divide by the sum), so every figure is the same bit for
 * bit; a walk is then a few comparisons and no allocation.
 *
 * <p>Weka's rule when a branch holds no training rows (its leaf has no distribution) is "use the nearest
 * ancestor that kept one"; each node here carries that ancestor's distribution. Anything this copy does
 * not understand (a tree Weka replaced by ZeroR, a missing value, fields that moved in another Weka
 * version) is scored by Weka itself, so the figures never depend on this class being complete.
 */
final class FlatTrees {

    private static final Field TREE = field(RandomTree.class, "m_Tree");
    private static final Field ZERO_R = field(RandomTree.class, "m_zeroR");
    private static final Class<?> NODE = nodeClass();
    private static final Field ATTRIBUTE = field(NODE, "m_Attribute");
    private static final Field SPLIT = field(NODE, "m_SplitPoint");
    private static final Field SUCCESSORS = field(NODE, "m_Successors");
    private static final Field CLASS_DISTRIBUTION = field(NODE, "m_ClassDistribution");

    /** Per tree: node arrays, or null where the tree is scored by Weka. Node 0 is the root. */
    private final int[][] attribute;
    private final double[][] split;
    private final int[][] left;
    private final int[][] right;
    private final double[][][] distribution;

    private FlatTrees(int trees) {
        attribute = new int[trees][];
        split = new double[trees][];
        left = new int[trees][];
        right = new int[trees][];
        distribution = new double[trees][][];
    }

    /** The trees in flat form; each tree Weka's fields cannot be read from is left to Weka. */
    static FlatTrees of(Classifier[] trees) {
        FlatTrees flat = new FlatTrees(trees.length);
        for (int t = 0; t < trees.length; t++) {
            flat.copy(t, trees[t]);
        }
        return flat;
    }

    /** Room for {@code trees} trees, each left to Weka until {@link #read} copies it. */
    static FlatTrees empty(int trees) {
        return new FlatTrees(trees);
    }

    /** Copies tree {@code t} (trees may be read by different threads, each into its own slot). */
    void read(int t, Classifier tree) {
        copy(t, tree);
    }

    /**
     * As {@link #distribution(int, double[])} for row {@code row} of columns ({@code columns[a][row]} the
     * value of attribute a).
     */
    double[] distribution(int t, double[][] columns, int row) {
        int[] att = attribute[t];
        if (att == null) {
            return null;
        }
        double[] at = split[t];
        int[] l = left[t];
        int[] r = right[t];
        int node = 0;
        while (att[node] >= 0) {
            double v = columns[att[node]][row];
            if (Double.isNaN(v)) {
                return null;
            }
            node = v < at[node] ? l[node] : r[node];
        }
        return distribution[t][node];
    }

    /** The distribution of tree {@code t}'s node at pre-order position {@code node} (null if it has none, or the tree is Weka's). */
    double[] node(int t, int node) {
        return distribution[t] == null ? null : distribution[t][node];
    }

    /** True when tree {@code t} is scored here, false when Weka must score it. */
    boolean flat(int t) {
        return attribute[t] != null;
    }

    /**
     * Tree {@code t}'s class probabilities for feature values {@code x} (in header order, class last or
     * absent), or null when this copy cannot answer (tree not flat, a missing value, or Weka would have
     * had no distribution): then the caller asks Weka. The array is shared: read it, never write it.
     */
    double[] distribution(int t, double[] x) {
        int[] att = attribute[t];
        if (att == null) {
            return null;
        }
        double[] at = split[t];
        int[] l = left[t];
        int[] r = right[t];
        int node = 0;
        while (att[node] >= 0) {
            double v = x[att[node]];
            if (Double.isNaN(v)) {
                return null; // Weka splits a missing value across the branches
            }
            node = v < at[node] ? l[node] : r[node];
        }
        return distribution[t][node];
    }

    private void copy(int t, Classifier tree) {
        if (NODE == null || !(tree instanceof RandomTree) || TREE == null || ZERO_R == null || ATTRIBUTE == null
                || SPLIT == null || SUCCESSORS == null || CLASS_DISTRIBUTION == null) {
            return;
        }
        try {
            if (ZERO_R.get(tree) != null || TREE.get(tree) == null) {
                return;
            }
            List<Integer> atts = new ArrayList<>();
            List<Double> splits = new ArrayList<>();
            List<int[]> children = new ArrayList<>();
            List<double[]> dists = new ArrayList<>();
            if (!add(TREE.get(tree), null, atts, splits, children, dists)) {
                return;
            }
            int n = atts.size();
            int[] a = new int[n];
            double[] s = new double[n];
            int[] l = new int[n];
            int[] r = new int[n];
            double[][] d = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = atts.get(i);
                s[i] = splits.get(i);
                l[i] = children.get(i)[0];
                r[i] = children.get(i)[1];
                d[i] = dists.get(i);
            }
            attribute[t] = a;
            split[t] = s;
            left[t] = l;
            right[t] = r;
            distribution[t] = d;
        } catch (IllegalAccessException | RuntimeException e) {
            // an unexpected shape: this tree stays with Weka's own scoring
            attribute[t] = null;
        }
    }

    /**
     * Appends {@code node} and its subtree (pre-order), each node carrying its effective distribution:
     * its own class counts normalised as Weka normalises them, else the nearest ancestor's (null if
     * none kept any). False when a node has a shape this copy does not handle.
     */
    private static boolean add(Object node, double[] inherited, List<Integer> atts, List<Double> splits,
                               List<int[]> children, List<double[]> dists) throws IllegalAccessException {
        int index = atts.size();
        int att = ATTRIBUTE.getInt(node);
        double[] own = (double[]) CLASS_DISTRIBUTION.get(node);
        double[] effective = own == null ? inherited : normalised(own);
        if (own != null && effective == null) {
            return false; // counts summing to 0: Weka would refuse to normalise them; leave the tree to Weka
        }
        // (an inner node keeps no counts of its own unless a branch is empty; a leaf left with none
        // answers null, and the caller then asks Weka, which answers as it always did)
        atts.add(att);
        splits.add(SPLIT.getDouble(node));
        children.add(new int[] {-1, -1});
        dists.add(effective);
        if (att < 0) {
            return true;
        }
        Object[] successors = (Object[]) SUCCESSORS.get(node);
        if (successors == null || successors.length != 2) {
            return false; // a nominal split: not grown on Beatwise's numeric features
        }
        children.get(index)[0] = atts.size();
        if (!add(successors[0], effective, atts, splits, children, dists)) {
            return false;
        }
        children.get(index)[1] = atts.size();
        return add(successors[1], effective, atts, splits, children, dists);
    }

    /** Exactly RandomTree's leaf arithmetic: a clone divided by its sum (Utils.normalize). */
    private static double[] normalised(double[] counts) {
        double[] p = counts.clone();
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        if (!(sum > 0)) {
            return null;
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static Class<?> nodeClass() {
        for (Class<?> c : RandomTree.class.getDeclaredClasses()) {
            if (c.getSimpleName().equals("Tree")) {
                return c;
            }
        }
        return null;
    }

    private static Field field(Class<?> owner, String name) {
        if (owner == null) {
            return null;
        }
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null; // another Weka version: Weka scores the trees itself
        }
    }
}
