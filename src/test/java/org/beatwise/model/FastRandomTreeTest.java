package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import org.beatwise.domain.Incident;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Labeler;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * FastRandomTree grows exactly the tree Weka's RandomTree grows from the same bag and settings: the same
 * printed tree, the same nodes field for field (split attribute, split point, branch proportions and
 * class counts compared bit for bit) and the same distribution for every training row.
 */
class FastRandomTreeTest {

    /** Incidents as the trainer turns them into instances: default features, the default target's labels. */
    private static Instances instances(List<Incident> rows) {
        List<String> labels = new Labeler(OffenseCategories.load()).label(TrainingSettings.defaults().target(), rows).values();
        List<String> classes = new ArrayList<>(new TreeSet<>(labels.stream().filter(Objects::nonNull).toList()));
        Instances data = new Instances(Forest.header(FeatureSet.DEFAULT, classes), rows.size());
        double[] x = new double[FeatureSet.DEFAULT.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (labels.get(i) == null) {
                continue;
            }
            FeatureSet.DEFAULT.fill(Query.of(rows.get(i)), x);
            double[] v = java.util.Arrays.copyOf(x, x.length + 1);
            v[x.length] = classes.indexOf(labels.get(i));
            data.add(new DenseInstance(1.0, v));
        }
        return data;
    }

    /** A small set full of ties: few distinct values, whole duplicate rows, and rows that differ only in class. */
    private static Instances handMade() {
        ArrayList<Attribute> atts = new ArrayList<>();
        atts.add(new Attribute("a"));
        atts.add(new Attribute("b"));
        atts.add(new Attribute("c"));
        atts.add(new Attribute("class", List.of("x", "y", "z")));
        Instances data = new Instances("ties", atts, 0);
        data.setClassIndex(3);
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            double a = r.nextInt(4);
            double b = r.nextInt(3) * 0.5 - 0.5;
            double c = i % 10 == 0 ? 7 : r.nextInt(6);
            int cls = (int) ((a + (b > 0 ? 1 : 0) + r.nextInt(2)) % 3);
            data.add(new DenseInstance(1.0, new double[] {a, b, c, cls}));
            if (i % 4 == 0) {
                data.add(new DenseInstance(1.0, new double[] {a, b, c, cls})); // a whole duplicate
                data.add(new DenseInstance(1.0, new double[] {a, b, c, (cls + 1) % 3})); // same place, other class
            }
        }
        return data;
    }

    private static RandomTree configure(RandomTree tree, int seed, int depth, int minLeaf, int features) {
        tree.setSeed(seed);
        tree.setMaxDepth(depth);
        tree.setMinNum(minLeaf);
        tree.setKValue(features);
        tree.setDoNotCheckCapabilities(true);
        return tree;
    }

    /** Grows Weka's tree and ours from the same bootstrap bag (copies as weights, as RandomForest bags) and compares. */
    private static void assertSameTree(Instances data, int seed, int depth, int minLeaf, int features) throws Exception {
        boolean[] held = new boolean[data.numInstances()];
        Instances bag = data.resampleWithWeights(new Random(seed), held, true, 100);
        assertTrue(bag.numInstances() < data.numInstances(), "the bag holds copies as weights");
        RandomTree weka = configure(new RandomTree(), seed, depth, minLeaf, features);
        weka.buildClassifier(bag);
        FastRandomTree fast = (FastRandomTree) configure(new FastRandomTree(), seed, depth, minLeaf, features);
        fast.buildClassifier(bag);
        String shape = "seed " + seed + ", depth " + depth + ", min leaf " + minLeaf + ", features " + features;
        assertTrue(fast.grownHere(), shape);
        assertEquals(weka.toString(), fast.toString(), shape);
        assertEquals(weka.toString(), fast.asWekaTree().toString(), shape);
        assertSameNodes(field(RandomTree.class, "m_Tree").get(weka), field(RandomTree.class, "m_Tree").get(fast.asWekaTree()),
                shape + ", root");
        // the forest's way: the rows sorted once, each bag's order taken from it
        FastRandomTree hinted = (FastRandomTree) configure(new FastRandomTree(), seed, depth, minLeaf, features);
        hinted.buildClassifier(bag, FastRandomTree.bagOrder(orderOf(data), held));
        assertEquals(weka.toString(), hinted.toString(), shape + ", presorted");
        assertSameNodes(field(RandomTree.class, "m_Tree").get(weka), field(RandomTree.class, "m_Tree").get(hinted.asWekaTree()),
                shape + ", presorted root");
        for (int i = 0; i < data.numInstances(); i++) {
            Instance row = data.instance(i);
            double[] expected = weka.distributionForInstance(row);
            assertArrayEquals(expected, fast.distributionForInstance(row), 0.0, shape + ", row " + i);
            assertArrayEquals(expected, fast.asWekaTree().distributionForInstance(row), 0.0, shape + ", row " + i);
        }
    }

    private static int[][] orderOf(Instances data) {
        int[][] order = new int[data.numAttributes()][];
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a != data.classIndex()) {
                order[a] = FastRandomTree.sortedBy(data.attributeToDoubleArray(a));
            }
        }
        return order;
    }

    @Test
    void aWrongOrderIsNotTrusted() throws Exception {
        Instances data = handMade();
        Instances bag = data.resampleWithWeights(new Random(3), null, true, 100);
        int[][] wrong = new int[data.numAttributes()][];
        for (int a = 0; a < data.classIndex(); a++) {
            wrong[a] = new int[bag.numInstances()];
            for (int i = 0; i < wrong[a].length; i++) {
                wrong[a][i] = wrong[a].length - 1 - i; // the bag's rows backwards: not sorted
            }
        }
        RandomTree weka = configure(new RandomTree(), 3, 0, 1, 0);
        weka.buildClassifier(bag);
        FastRandomTree fast = (FastRandomTree) configure(new FastRandomTree(), 3, 0, 1, 0);
        fast.buildClassifier(bag, wrong);
        assertTrue(fast.grownHere());
        assertEquals(weka.toString(), fast.toString());
    }

    private static void assertSameNodes(Object expected, Object actual, String where) throws Exception {
        Class<?> node = expected.getClass();
        assertEquals(node, actual.getClass(), where);
        int attribute = field(node, "m_Attribute").getInt(expected);
        assertEquals(attribute, field(node, "m_Attribute").getInt(actual), where + " attribute");
        assertEquals(Double.doubleToRawLongBits(field(node, "m_SplitPoint").getDouble(expected)),
                Double.doubleToRawLongBits(field(node, "m_SplitPoint").getDouble(actual)), where + " split point");
        for (String array : List.of("m_Prop", "m_ClassDistribution", "m_Distribution")) {
            double[] e = (double[]) field(node, array).get(expected);
            double[] a = (double[]) field(node, array).get(actual);
            assertEquals(e == null, a == null, where + " " + array);
            if (e != null) {
                assertEquals(e.length, a.length, where + " " + array);
                for (int i = 0; i < e.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), where + " " + array + "[" + i + "]");
                }
            }
        }
        Object[] e = (Object[]) field(node, "m_Successors").get(expected);
        Object[] a = (Object[]) field(node, "m_Successors").get(actual);
        assertEquals(e == null, a == null, where + " successors");
        if (attribute >= 0) {
            assertEquals(e.length, a.length, where);
            for (int i = 0; i < e.length; i++) {
                assertSameNodes(e[i], a[i], where + "/" + i);
            }
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    @Test
    void mattapanTreesAreWekasTrees() throws Exception {
        Instances data = instances(BostonData.mattapan(2016));
        assertTrue(data.numInstances() > 8000, "rows " + data.numInstances());
        assertSameTree(data, 42, 8, 40, 0);
        assertSameTree(data, 7, 12, 10, 0);
        assertSameTree(data, 1234, 0, 1, 3);
        assertSameTree(data, -5, 4, 200, 5);
    }

    @Test
    void syntheticDemoTreesAreWekasTrees() throws Exception {
        Instances data = instances(TestIncidents.crimeTypes(4000));
        for (int seed : new int[] {1, 2, 42}) {
            assertSameTree(data, seed, 8, 40, 0);
            assertSameTree(data, seed, 0, 1, 0);
            assertSameTree(data, seed, 6, 5, 2);
        }
    }

    @Test
    void tiesAndDuplicatesGrowWekasTrees() throws Exception {
        Instances data = handMade();
        for (int seed = 0; seed < 12; seed++) {
            assertSameTree(data, seed, 0, 1, 0);
            assertSameTree(data, seed, 3, 2, 1);
            assertSameTree(data, seed, 0, 4, 3);
            assertSameTree(data, seed, 5, 1, 2);
        }
    }

    @Test
    void whatItDoesNotReplicateIsGrownByWeka() throws Exception {
        Instances missing = handMade();
        missing.instance(3).setMissing(1);
        Instances fractional = handMade();
        fractional.instance(5).setWeight(0.5);
        for (Instances data : List.of(missing, fractional)) {
            RandomTree weka = configure(new RandomTree(), 3, 0, 1, 0);
            weka.buildClassifier(data);
            FastRandomTree fast = (FastRandomTree) configure(new FastRandomTree(), 3, 0, 1, 0);
            fast.buildClassifier(data);
            assertFalse(fast.grownHere());
            assertEquals(weka.toString(), fast.toString());
            assertEquals(weka.toString(), fast.asWekaTree().toString());
            for (int i = 0; i < data.numInstances(); i++) {
                assertArrayEquals(weka.distributionForInstance(data.instance(i)),
                        fast.asWekaTree().distributionForInstance(data.instance(i)), 0.0);
            }
        }
    }

    /** The trees of Weka's own RandomForest, grown with the same settings. */
    private static Classifier[] wekasForest(Instances data, TrainingSettings s) throws Exception {
        ExposedForest plain = new ExposedForest();
        plain.setNumIterations(s.trees());
        plain.setMaxDepth(s.maxDepth());
        plain.setNumFeatures(s.effectiveFeaturesPerSplit());
        plain.setSeed(s.seed());
        ((RandomTree) plain.getClassifier()).setMinNum(s.minLeaf());
        plain.buildClassifier(data);
        return plain.trees();
    }

    @Test
    void theForestGrowsWekasForestAndSavesOnlyWekaClasses() throws Exception {
        Instances data = instances(TestIncidents.crimeTypes(3000, 9));
        TrainingSettings s = TrainingSettings.defaults().withTrees(12).withExecutionSlots(2).withSeed(8);
        ObservedForest observed = new ObservedForest(s, Progress.NONE, done -> { });
        observed.buildClassifier(data);
        Classifier[] ours = observed.trees();

        Classifier[] wekas = wekasForest(data, s);

        assertEquals(wekas.length, ours.length);
        for (int t = 0; t < ours.length; t++) {
            assertEquals(RandomTree.class, ours[t].getClass(), "a forest keeps plain Weka trees");
            assertEquals(wekas[t].toString(), ours[t].toString(), "tree " + t);
            assertSameNodes(field(RandomTree.class, "m_Tree").get(wekas[t]), field(RandomTree.class, "m_Tree").get(ours[t]),
                    "tree " + t);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ours);
        }
        String stream = bytes.toString(StandardCharsets.ISO_8859_1);
        assertFalse(stream.contains("org.beatwise"), "the saved trees name a class of ours");
        assertNotNull(Utils.sum(ours[0].distributionForInstance(data.instance(0))));
    }

    @Test
    void theForestFromColumnsIsWekasForestStreamForStream() throws Exception {
        Instances data = instances(TestIncidents.crimeTypes(3000, 9));
        TrainingSettings s = TrainingSettings.defaults().withTrees(12).withExecutionSlots(2).withSeed(8);
        ObservedForest fromColumns = new ObservedForest(s, Progress.NONE, done -> { });
        fromColumns.grow(Columns.of(data));
        Classifier[] ours = fromColumns.trees();

        Classifier[] wekas = wekasForest(data, s);

        assertEquals(wekas.length, ours.length);
        for (int t = 0; t < ours.length; t++) {
            assertEquals(RandomTree.class, ours[t].getClass(), "a forest keeps plain Weka trees");
            assertEquals(wekas[t].toString(), ours[t].toString(), "tree " + t);
            assertSameNodes(field(RandomTree.class, "m_Tree").get(wekas[t]), field(RandomTree.class, "m_Tree").get(ours[t]),
                    "tree " + t);
            boolean[] held = new boolean[data.numInstances()];
            data.resampleWithWeights(new Random(s.seed() + t), held, true, 100); // Bagging's draw for tree t
            assertArrayEquals(held, fromColumns.inBag()[t], "bag of tree " + t);
        }
        // the trees Weka's own path grows through ObservedForest (Bagging's copies of the rows) save the same bytes
        ObservedForest fromInstances = new ObservedForest(s, Progress.NONE, done -> { });
        fromInstances.buildClassifier(data);
        assertArrayEquals(serialised(fromInstances.trees()), serialised(ours));
        // the flat copy each tree's thread made is the copy made from the finished trees
        FlatTrees flat = fromColumns.flatTrees();
        FlatTrees again = FlatTrees.of(ours);
        Columns columns = Columns.of(data);
        for (int t = 0; t < ours.length; t++) {
            for (int i = 0; i < columns.size(); i++) {
                                assertArrayEquals(again.distribution(t, data.instance(i).toDoubleArray()), flat.distribution(t, columns.x(), i), 0.0);
            }
        }
        // every row a bag held has its leaf recorded: the very node the walk reaches
        char[][] leaves = fromColumns.leaves();
        for (int t = 0; t < ours.length; t++) {
            for (int i = 0; i < columns.size(); i++) {
                assertEquals(fromColumns.inBag()[t][i], leaves[t][i] != 0, "tree " + t + ", row " + i);
                if (leaves[t][i] != 0) {
                    assertSame(flat.distribution(t, columns.x(), i), flat.node(t, leaves[t][i] - 1), "tree " + t + ", row " + i);
                }
            }
        }
    }

    @Test
    void bagsAsCountsAreWekasBags() {
        for (int n : new int[] {1, 2, 7, 100, 2_345}) {
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = new double[] {i, 0, 0, i % 3};
            }
            Instances data = new Instances(handMade(), n);
            for (double[] r : rows) {
                data.add(new DenseInstance(1.0, r));
            }
            for (int seed = 0; seed < 5; seed++) {
                boolean[] held = new boolean[n];
                Instances bag = data.resampleWithWeights(new Random(seed), held, true, 100);
                int[] counts = Bags.counts(new Random(seed), n, 100);
                int k = 0;
                for (int i = 0; i < n; i++) {
                    assertEquals(held[i], counts[i] > 0, "row " + i + " of " + n + ", seed " + seed);
                    if (counts[i] > 0) {
                        assertEquals(i, (int) bag.instance(k).value(0));
                        assertEquals(counts[i], bag.instance(k).weight(), 0.0);
                        k++;
                    }
                }
                assertEquals(bag.numInstances(), k);
            }
        }
    }

    private static byte[] serialised(Classifier[] trees) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(trees);
        }
        return bytes.toByteArray();
    }

    /** Weka's own RandomForest, its trees in reach. */
    private static final class ExposedForest extends RandomForest {
        private static final long serialVersionUID = 1L;

        Classifier[] trees() {
            return m_Classifiers;
        }
    }
}
