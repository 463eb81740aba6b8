package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * Weka SimpleKMeans with restarts, kept behind this class so no caller sees a weka type.
 *
 * <p>Each restart is one SimpleKMeans run (k-means++ initialisation, seed {@code seed + i}) on
 * weighted distinct points in metres. Distances are not normalised: Weka's default rescales each
 * attribute to [0, 1], which would stretch the shorter side of the district and make "metres" a lie.
 * The SSE is computed here, in m², because Weka reports NaN for it when fast distance calculation is
 * on. Restarts run on a small low-priority pool; their seeds are fixed before any thread starts and
 * the winner is the lowest SSE with ties to the lower seed, so results do not depend on threading.
 */
final class KMeans {

    /** Centres in projected metres and their SSE over all incidents (m²). */
    record Fit(double[] cx, double[] cy, double sse, int seed) {
        int k() {
            return cx.length;
        }
    }

    private final int threads;

    /** @param threads how many restarts may run at once (1 = sequential) */
    KMeans(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    /** Best of {@code restarts} runs; progress counts finished restarts. */
    Fit fit(WeightedPoints points, int k, int restarts, int seed, Progress progress) {
        if (points.size() < k) {
            throw new IllegalArgumentException("the incidents sit on " + points.size()
                    + " distinct locations, fewer than k = " + k + "; lower k or widen the filters");
        }
        int[] seeds = new int[restarts];
        for (int i = 0; i < restarts; i++) {
            seeds[i] = seed + i;
        }
        Fit[] fits = new Fit[restarts];
        int poolSize = Math.min(threads, restarts);
        if (poolSize == 1) {
            for (int i = 0; i < restarts; i++) {
                progress.checkCancelled();
                fits[i] = once(points, k, seeds[i]);
                progress.update(i + 1, restarts, "K-Means restart " + (i + 1) + " of " + restarts);
            }
        } else {
            runParallel(points, k, seeds, fits, poolSize, progress);
        }
        Fit best = fits[0];
        for (Fit f : fits) {
            if (f.sse < best.sse) {
                best = f;
            }
        }
        if (best.sse == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("every K-Means restart lost a cluster for k = " + k + "; lower k");
        }
        return best;
    }

    private void runParallel(WeightedPoints points, int k, int[] seeds, Fit[] fits, int poolSize, Progress progress) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
            Thread t = new Thread(r, "kmeans-restart-" + counter.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                int slot = i;
                futures.add(pool.submit(() -> {
                    if (progress.isCancelled()) {
                        return;
                    }
                    fits[slot] = once(points, k, seeds[slot]);
                    int n = done.incrementAndGet();
                    progress.update(n, seeds.length, "K-Means restart " + n + " of " + seeds.length);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("K-Means failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.checkCancelled();
    }

    /** One Weka run. Each call builds its own Instances: Weka objects are not shared across threads. */
    static Fit once(WeightedPoints points, int k, int seed) {
        ArrayList<Attribute> attrs = new ArrayList<>(List.of(new Attribute("x"), new Attribute("y")));
        Instances data = new Instances("incidents", attrs, points.size());
        for (int p = 0; p < points.size(); p++) {
            data.add(new DenseInstance(points.weight()[p], new double[] {points.x()[p], points.y()[p]}));
        }
        try {
            SimpleKMeans km = new TrueKMeansPlusPlus();
            EuclideanDistance metres = new EuclideanDistance();
            metres.setDontNormalize(true);
            km.setDistanceFunction(metres);
            km.setNumClusters(k);
            km.setSeed(seed);
            km.setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
            km.setFastDistanceCalc(true);
            km.setDontReplaceMissingValues(true);
            km.setNumExecutionSlots(1);
            km.setMaxIterations(500);
            km.buildClusterer(data);
            Instances c = km.getClusterCentroids();
            double[] cx = new double[c.numInstances()];
            double[] cy = new double[c.numInstances()];
            for (int i = 0; i < cx.length; i++) {
                cx[i] = c.instance(i).value(0);
                cy[i] = c.instance(i).value(1);
            }
            // A run that lost a cluster (Weka drops empty ones) scores infinitely bad rather than winning with fewer centres.
            double sse = cx.length == k ? points.sse(cx, cy) : Double.POSITIVE_INFINITY;
            return new Fit(cx, cy, sse, seed);
        } catch (Exception e) {
            throw new IllegalStateException("Weka SimpleKMeans failed for k = " + k + ", seed " + seed + ": " + e.getMessage(), e);
        }
    }

    /**
     * SimpleKMeans with the k-means++ seeding of Arthur and Vassilvitskii. Weka's own version draws
     * each new centre with probability proportional to the distance D, not D², and ignores instance
     * weights; on weighted distinct points that seeding left the best of ten restarts about 10 % above
     * the best known SSE on Mattapan. Everything after seeding (Lloyd iterations, centroid moves) is
     * Weka's.
     */
    static final class TrueKMeansPlusPlus extends SimpleKMeans {

        private static final long serialVersionUID = 1L;

        @Override
        protected void kMeansPlusPlusInit(Instances data) {
            Random random = new Random(getSeed());
            int n = data.numInstances();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                Instance inst = data.instance(i);
                x[i] = inst.value(0);
                y[i] = inst.value(1);
                w[i] = inst.weight();
            }
            int chosen = draw(random, w);
            m_ClusterCentroids.add(data.instance(chosen));
            double[] d2 = squaredDistances(x, y, chosen, null);
            // Greedy k-means++ (as scikit-learn does): draw a few candidates and keep the one that lowers
            // the weighted potential most. It steadies the seeding, so fewer restarts land far off.
            int trials = 2 + (int) Math.log(m_NumClusters);
            double[] mass = new double[n];
            while (m_ClusterCentroids.numInstances() < m_NumClusters) {
                for (int i = 0; i < n; i++) {
                    mass[i] = w[i] * d2[i];
                }
                int best = -1;
                double bestPotential = Double.POSITIVE_INFINITY;
                double[] bestD2 = null;
                for (int t = 0; t < trials; t++) {
                    int candidate = draw(random, mass);
                    if (candidate < 0) {
                        break; // every point already is a centre
                    }
                    double[] candD2 = squaredDistances(x, y, candidate, d2);
                    double potential = 0;
                    for (int i = 0; i < n; i++) {
                        potential += w[i] * candD2[i];
                    }
                    if (potential < bestPotential) {
                        bestPotential = potential;
                        best = candidate;
                        bestD2 = candD2;
                    }
                }
                if (best < 0) {
                    break;
                }
                m_ClusterCentroids.add(data.instance(best));
                d2 = bestD2;
            }
        }

        /** Squared distance of every point to point {@code c}, capped by {@code upTo} when given. */
        private static double[] squaredDistances(double[] x, double[] y, int c, double[] upTo) {
            double[] d2 = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double dx = x[i] - x[c];
                double dy = y[i] - y[c];
                d2[i] = upTo == null ? dx * dx + dy * dy : Math.min(upTo[i], dx * dx + dy * dy);
            }
            return d2;
        }

        /** Index drawn with probability proportional to {@code mass}, or -1 when all mass is zero. */
        private static int draw(Random random, double[] mass) {
            double total = 0;
            for (double m : mass) {
                total += m;
            }
            if (!(total > 0)) {
                return -1;
            }
            double target = random.nextDouble() * total;
            double run = 0;
            for (int i = 0; i < mass.length; i++) {
                run += mass[i];
                if (target < run && mass[i] > 0) {
                    return i;
                }
            }
            for (int i = mass.length - 1; i >= 0; i--) {
                if (mass[i] > 0) {
                    return i; // rounding left target at the very end
                }
            }
            return -1;
        }
    }
}
