package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LocalProjection;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * K-Means left Weka's SimpleKMeans for plain arrays (speed on distinct coordinates). This runs Weka
 * itself, from the same k-means++ seeding, beside it on the real Mattapan training period
 * (2015-06…2017) and checks that nothing the paper's method produces moved: every restart ends on
 * Weka's centres, and the best SSE of ten restarts is Weka's.
 */
@Tag("real")
class KMeansAgreesWithWekaTest {

    private static WeightedPoints points;

    @BeforeAll
    static void load() {
        List<Incident> train = BostonData.mattapan(2015, 2016, 2017).stream()
                .filter(i -> !i.occurredAt().toLocalDate().isBefore(LocalDate.of(2015, 6, 1))).toList();
        points = WeightedPoints.of(train, LocalProjection.around(train));
    }

    @Test
    void everyRestartEndsOnWekasCentres() {
        for (int k : new int[] {3, 10, 20}) {
            for (int seed = 42; seed < 52; seed++) {
                KMeans.Fit ours = KMeans.once(points, k, seed);
                KMeans.Fit weka = weka(points, k, seed);
                assertArrayEquals(weka.cx(), ours.cx(), 1e-6, "x of the centres, k = " + k + ", seed " + seed);
                assertArrayEquals(weka.cy(), ours.cy(), 1e-6, "y of the centres, k = " + k + ", seed " + seed);
                assertEquals(weka.sse(), ours.sse(), 1e-9 * weka.sse(), "SSE, k = " + k + ", seed " + seed);
            }
        }
    }

    @Test
    void bestOfTenRestartsIsWekasBestOnBothThreadCounts() {
        double wekaBest = Double.POSITIVE_INFINITY;
        for (int seed = 42; seed < 52; seed++) {
            wekaBest = Math.min(wekaBest, weka(points, 10, seed).sse());
        }
        KMeans.Fit one = new KMeans(1).fit(points, 10, 10, 42, Progress.NONE);
        KMeans.Fit two = new KMeans(2).fit(points, 10, 10, 42, Progress.NONE);
        assertTrue(one.sse() <= wekaBest * (1 + 1e-9), one.sse() + " vs Weka " + wekaBest);
        assertArrayEquals(one.cx(), two.cx(), 0);
        assertArrayEquals(one.cy(), two.cy(), 0);
    }

    /** The Weka run K-Means used to be: SimpleKMeans in true metres, seeded like ours. */
    static KMeans.Fit weka(WeightedPoints p, int k, int seed) {
        ArrayList<Attribute> attrs = new ArrayList<>(List.of(new Attribute("x"), new Attribute("y")));
        Instances data = new Instances("incidents", attrs, p.size());
        for (int i = 0; i < p.size(); i++) {
            data.add(new DenseInstance(p.weight()[i], new double[] {p.x()[i], p.y()[i]}));
        }
        try {
            SimpleKMeans km = new SeededKMeans();
            EuclideanDistance metres = new EuclideanDistance();
            metres.setDontNormalize(true);
            km.setDistanceFunction(metres);
            km.setNumClusters(k);
            km.setSeed(seed);
            km.setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
            km.setFastDistanceCalc(true);
            km.setDontReplaceMissingValues(true);
            km.setNumExecutionSlots(1);
            km.setMaxIterations(KMeans.MAX_ITERATIONS);
            km.buildClusterer(data);
            Instances c = km.getClusterCentroids();
            double[] cx = new double[c.numInstances()];
            double[] cy = new double[c.numInstances()];
            for (int i = 0; i < cx.length; i++) {
                cx[i] = c.instance(i).value(0);
                cy[i] = c.instance(i).value(1);
            }
            return new KMeans.Fit(cx, cy, cx.length == k ? p.sse(cx, cy) : Double.POSITIVE_INFINITY, seed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SimpleKMeans started from our k-means++ centres; everything after seeding is Weka's. */
    static final class SeededKMeans extends SimpleKMeans {
        private static final long serialVersionUID = 1L;

        @Override
        protected void kMeansPlusPlusInit(Instances data) {
            double[] x = new double[data.numInstances()];
            double[] y = new double[x.length];
            double[] w = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = data.instance(i).value(0);
                y[i] = data.instance(i).value(1);
                w[i] = data.instance(i).weight();
            }
            for (int i : KMeans.plusPlusSeeds(x, y, w, m_NumClusters, getSeed())) {
                m_ClusterCentroids.add(data.instance(i));
            }
        }
    }
}
