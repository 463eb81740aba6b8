package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The flat copy of Weka's trees scores exactly as Weka does (bit for bit), so scoring through it
 * changes no figure of training or prediction.
 */
class FlatTreesTest {

    private static final List<String> CLASSES = List.of("a", "b", "c", "d");

    private static Instances rows(int n) {
        List<Query> queries = TestIncidents.noiseTheftOther(n, 11).stream().map(Query::of).toList();
        Instances data = new Instances(Forest.header(FeatureSet.DEFAULT, CLASSES), queries.size());
        double[] x = new double[FeatureSet.DEFAULT.size()];
        for (int i = 0; i < queries.size(); i++) {
            FeatureSet.DEFAULT.fill(queries.get(i), x);
            double[] v = java.util.Arrays.copyOf(x, x.length + 1);
            // the class depends on hour and place, with noise, so the trees grow real, uneven branches
            Query q = queries.get(i);
            v[x.length] = (q.hour() / 6 + (q.lat() > 42.3 ? 1 : 0) + (i % 7 == 0 ? 1 : 0)) % 4;
            data.add(new DenseInstance(1.0, v));
        }
        return data;
    }

    private static Classifier[] grow(Instances data, int minLeaf, int depth) throws Exception {
        TrainingSettings s = TrainingSettings.defaults().withTrees(15).withMaxDepth(depth).withMinLeaf(minLeaf)
                .withExecutionSlots(2).withSeed(5);
        ObservedForest f = new ObservedForest(s, Progress.NONE, done -> { });
        f.buildClassifier(data);
        return f.trees();
    }

    @Test
    void everyTreeIsCopiedAndScoresExactlyAsWeka() throws Exception {
        Instances data = rows(1500);
        // depth 0 (unlimited) and leaves of 1: deep trees with branches that hold no rows
        for (int[] shape : new int[][] {{40, 8}, {1, 0}}) {
            Classifier[] trees = grow(data, shape[0], shape[1]);
            FlatTrees flat = FlatTrees.of(trees);
            for (int t = 0; t < trees.length; t++) {
                assertTrue(flat.flat(t), "tree " + t + " was not copied");
                for (int i = 0; i < data.numInstances(); i++) {
                    double[] x = data.instance(i).toDoubleArray();
                    assertArrayEquals(trees[t].distributionForInstance(data.instance(i)), flat.distribution(t, x), 0.0,
                            "tree " + t + ", row " + i);
                }
            }
            // points no training row was near: every branch, including empty ones, answers as Weka does
            double[] far = {3, 6, 2, 0, 0, 0};
            DenseInstance farInstance = new DenseInstance(1.0, far.clone());
            farInstance.setDataset(data);
            for (int t = 0; t < trees.length; t++) {
                assertArrayEquals(trees[t].distributionForInstance(farInstance), flat.distribution(t, far), 0.0);
            }
        }
    }

    @Test
    void aMissingValueIsLeftToWeka() throws Exception {
        Instances data = rows(400);
        FlatTrees flat = FlatTrees.of(grow(data, 5, 6));
        double[] x = data.instance(0).toDoubleArray();
        assertNotNull(flat.distribution(0, x));
        java.util.Arrays.fill(x, Double.NaN);
        assertNull(flat.distribution(0, x));
    }
}
