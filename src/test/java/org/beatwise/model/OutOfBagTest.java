package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Query;
import org.beatwise.task.Progress;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The one forest's out-of-bag scores, which choose the blend weight instead of a second forest: each
 * row is scored only by the trees whose bootstrap sample did not hold it, and the sums are the same
 * whatever the number of threads and the same as the delivered forest's one-row-at-a-time path.
 */
class OutOfBagTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** 600 rows, class from the row's position so the trees have something to learn. */
    private static Instances rows() {
        List<Query> queries = TestIncidents.noiseTheftOther(600, 3).stream().map(Query::of).toList();
        Instances data = new Instances(Forest.header(FeatureSet.DEFAULT, CLASSES), queries.size());
        double[] x = new double[FeatureSet.DEFAULT.size()];
        for (int i = 0; i < queries.size(); i++) {
            FeatureSet.DEFAULT.fill(queries.get(i), x);
            double[] v = java.util.Arrays.copyOf(x, x.length + 1);
            v[x.length] = i % 3;
            data.add(new DenseInstance(1.0, v));
        }
        return data;
    }

    private static ObservedForest grown(Instances data, int slots) throws Exception {
        TrainingSettings s = TrainingSettings.defaults().withTrees(12).withMaxDepth(5).withMinLeaf(2).withExecutionSlots(slots);
        ObservedForest f = new ObservedForest(s, Progress.NONE, done -> { });
        f.buildClassifier(data);
        return f;
    }

    @Test
    void eachRowIsScoredOnlyByTheTreesThatNeverSawIt() throws Exception {
        Instances data = rows();
        ObservedForest forest = grown(data, 1);
        Classifier[] trees = forest.trees();
        boolean[][] inBag = forest.inBag();
        assertEquals(trees.length, inBag.length);
        double[][] all = new double[data.numInstances()][3];
        double[][] oob = new double[data.numInstances()][3];
        ForestScores.sum(trees, data, inBag, all, oob, 2, Progress.NONE);

        int held = 0;
        for (int i = 0; i < data.numInstances(); i++) {
            double[] expectAll = new double[3];
            double[] expectOob = new double[3];
            for (int t = 0; t < trees.length; t++) {
                double[] d = trees[t].distributionForInstance(data.instance(i));
                for (int c = 0; c < 3; c++) {
                    expectAll[c] += d[c];
                    if (!inBag[t][i]) {
                        expectOob[c] += d[c];
                    }
                }
                held += inBag[t][i] ? 1 : 0;
            }
            assertArrayEquals(expectAll, all[i], 0.0);
            assertArrayEquals(expectOob, oob[i], 0.0);
        }
        // a bootstrap sample holds about 1 − 1/e ≈ 63 % of the rows: the record is a real bag, not all rows
        double share = held / (double) (trees.length * data.numInstances());
        assertTrue(share > 0.55 && share < 0.72, "share of rows in bag " + share);
    }

    @Test
    void theBagsAreWekasOwnAndTheSumsDoNotDependOnThreads() throws Exception {
        Instances data = rows();
        ObservedForest one = grown(data, 1);
        ObservedForest two = grown(data, 2);
        for (int t = 0; t < one.inBag().length; t++) {
            assertArrayEquals(one.inBag()[t], two.inBag()[t], "bag of tree " + t);
        }
        double[][] a = new double[data.numInstances()][3];
        double[][] b = new double[data.numInstances()][3];
        ForestScores.sum(one.trees(), data, one.inBag(), a, new double[a.length][3], 1, Progress.NONE);
        ForestScores.sum(two.trees(), data, two.inBag(), b, new double[b.length][3], 2, Progress.NONE);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        // and a forest whose bags were not recorded (Weka's plain RandomForest) draws the very same trees
        weka.classifiers.trees.RandomForest plain = new weka.classifiers.trees.RandomForest();
        plain.setNumIterations(12);
        plain.setMaxDepth(5);
        plain.setNumFeatures(TrainingSettings.defaults().effectiveFeaturesPerSplit());
        plain.setSeed(TrainingSettings.DEFAULT_SEED);
        ((weka.classifiers.trees.RandomTree) plain.getClassifier()).setMinNum(2);
        plain.buildClassifier(data);
        for (int i = 0; i < data.numInstances(); i += 7) {
            double[] mine = a[i].clone();
            ForestScores.normalise(new double[][] {mine});
            assertArrayEquals(plain.distributionForInstance(data.instance(i)), mine, 1e-12);
        }
    }
}
