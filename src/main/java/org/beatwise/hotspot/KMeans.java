package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatwise.task.Futures;
import org.beatwise.task.Progress;

/**
 * K-Means with restarts: greedy k-means++ seeding and Lloyd iterations on weighted distinct points in
 * metres, the same algorithm as Weka's SimpleKMeans (which this class ran until the distinct-coordinates
 * bench showed its per-iteration copying of {@code Instances} cost 1.1 s for k = 10 on 50,000 points;
 * {@code KMeansAgreesWithWekaTest} checks that the centres are Weka's, run for run, on Mattapan).
 *
 * <p>Each restart uses seed {@code seed + i}. Distances are true metres, never normalised (Weka's
 * default rescales each attribute to [0, 1], which would stretch the shorter side of the district).
 * Restarts run on a small low-priority pool; their seeds are fixed before any thread starts and the
 * winner is the lowest SSE with ties to the lower seed, so results do not depend on threading.
 */
final class KMeans {

    /** Centres in projected metres and their SSE over all incidents (m²). */
    record Fit(double[] cx, double[] cy, double sse, int seed) {
        int k() {
            return cx.length;
        }
    }

    private final int threads;
    /** Fits already made, by points, k, restarts and seed; null when this instance does not remember. */
    private final Map<Asked, Fit> remembered;
    private final AtomicInteger fitted;

    /** @param threads how many restarts may run at once (1 = sequential) */
    KMeans(int threads) {
        this(threads, null, new AtomicInteger());
    }

    private KMeans(int threads, Map<Asked, Fit> remembered, AtomicInteger fitted) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.remembered = remembered;
        this.fitted = fitted;
    }

    /**
     * A K-Means for one hotspot run that fits each (points, k, restarts, seed) once: with one test
     * window the single-split evaluation and the backtest train on the same incidents.
     */
    KMeans remembering() {
        return new KMeans(threads, new ConcurrentHashMap<>(), fitted);
    }

    /** How many fits this instance and those {@link #remembering} made from it computed (not answered from memory). */
    int fitted() {
        return fitted.get();
    }

    private record Asked(double[] x, double[] y, double[] w, int k, int restarts, int seed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Asked a && k == a.k && restarts == a.restarts && seed == a.seed
                    && Arrays.equals(x, a.x) && Arrays.equals(y, a.y) && Arrays.equals(w, a.w);
        }

        @Override
        public int hashCode() {
            return Objects.hash(k, restarts, seed, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(w));
        }
    }

    /** Best of {@code restarts} runs; progress counts finished restarts. */
    Fit fit(WeightedPoints points, int k, int restarts, int seed, Progress progress) {
        if (remembered == null) {
            return compute(points, k, restarts, seed, progress);
        }
        Asked asked = new Asked(points.x(), points.y(), points.weight(), k, restarts, seed);
        Fit known = remembered.get(asked);
        if (known != null) {
            return known;
        }
        Fit fit = compute(points, k, restarts, seed, progress);
        remembered.put(asked, fit);
        return fit;
    }

    private Fit compute(WeightedPoints points, int k, int restarts, int seed, Progress progress) {
        fitted.incrementAndGet();
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
                Futures.join(f, "K-Means failed");
            }
        } finally {
            pool.shutdownNow();
        }
        progress.checkCancelled();
    }

    /**
     * One run: k-means++ seeding, then Lloyd iterations on the weighted points until no point changes
     * cluster (at most {@link #MAX_ITERATIONS}), exactly as Weka's SimpleKMeans iterates: nearest centre
     * with ties to the lower index, each centre moved to the weighted mean of its members summed in
     * point order, and a run that empties a cluster scores infinitely bad (Weka would drop the cluster).
     * Plain arrays instead of Weka's {@code Instances}: on 50,000 distinct points Weka's loop spent most
     * of its time allocating a copy of every cluster's instances each iteration.
     */
    static Fit once(WeightedPoints points, int k, int seed) {
        double[] x = points.x();
        double[] y = points.y();
        double[] w = points.weight();
        int n = x.length;
        int[] start = plusPlusSeeds(x, y, w, k, seed);
        if (start.length < k) {
            return new Fit(new double[0], new double[0], Double.POSITIVE_INFINITY, seed);
        }
        double[] cx = new double[k];
        double[] cy = new double[k];
        for (int c = 0; c < k; c++) {
            cx[c] = x[start[c]];
            cy[c] = y[start[c]];
        }
        int[] cluster = new int[n];
        // Hamerly's bounds: upper[p] ≥ distance to its own centre, lower[p] ≤ distance to any other. Where
        // upper < max(lower, half the gap to the nearest other centre) the own centre is strictly nearest
        // and the k distances need not be computed; elsewhere the full scan decides, as Weka's does.
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] half = new double[k];
        double[] drift = new double[k];
        double[] sumX = new double[k];
        double[] sumY = new double[k];
        double[] mass = new double[k];
        boolean converged = false;
        for (int iteration = 1; !converged; iteration++) {
            converged = true;
            if (iteration > 1) {
                halfGaps(cx, cy, half);
            }
            for (int p = 0; p < n; p++) {
                if (iteration > 1) {
                    double bound = Math.max(half[cluster[p]], lower[p]);
                    if (upper[p] + SLACK_M < bound) {
                        continue;
                    }
                    upper[p] = Math.sqrt(squared(x[p], y[p], cx[cluster[p]], cy[cluster[p]]));
                    if (upper[p] + SLACK_M < bound) {
                        continue;
                    }
                }
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                double secondD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = squared(x[p], y[p], cx[c], cy[c]);
                    if (d < bestD) {
                        secondD = bestD;
                        bestD = d;
                        best = c;
                    } else if (d < secondD) {
                        secondD = d;
                    }
                }
                upper[p] = Math.sqrt(bestD);
                lower[p] = Math.sqrt(secondD);
                if (best != cluster[p]) {
                    cluster[p] = best;
                    converged = false;
                }
            }
            Arrays.fill(sumX, 0);
            Arrays.fill(sumY, 0);
            Arrays.fill(mass, 0);
            for (int p = 0; p < n; p++) {
                int c = cluster[p];
                mass[c] += w[p];
                sumX[c] += w[p] * x[p];
                sumY[c] += w[p] * y[p];
            }
            double most = 0;
            double secondMost = 0;
            for (int c = 0; c < k; c++) {
                if (!(mass[c] > 0)) {
                    return new Fit(cx, cy, Double.POSITIVE_INFINITY, seed);
                }
                double nx = sumX[c] / mass[c];
                double ny = sumY[c] / mass[c];
                drift[c] = Math.sqrt(squared(nx, ny, cx[c], cy[c]));
                cx[c] = nx;
                cy[c] = ny;
                if (drift[c] > most) {
                    secondMost = most;
                    most = drift[c];
                } else if (drift[c] > secondMost) {
                    secondMost = drift[c];
                }
            }
            for (int p = 0; p < n; p++) {
                int c = cluster[p];
                upper[p] += drift[c];
                lower[p] -= drift[c] == most ? secondMost : most;
            }
            if (iteration == MAX_ITERATIONS) {
                converged = true;
            }
        }
        return new Fit(cx, cy, points.sse(cx, cy), seed);
    }

    /**
     * Margin on the bounds (metres) so that rounding in their updates can never skip a point whose
     * nearest centre changed: the bounds drift by far less than a micrometre over 500 iterations.
     */
    private static final double SLACK_M = 1e-6;

    private static double squared(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return dx * dx + dy * dy;
    }

    /** For each centre, half the distance to the nearest other centre. */
    private static void halfGaps(double[] cx, double[] cy, double[] half) {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < cx.length; a++) {
            for (int b = a + 1; b < cx.length; b++) {
                double d = 0.5 * Math.sqrt(squared(cx[a], cy[a], cx[b], cy[b]));
                half[a] = Math.min(half[a], d);
                half[b] = Math.min(half[b], d);
            }
        }
    }

    static final int MAX_ITERATIONS = 500;

    /**
     * The k-means++ seeding of Arthur and Vassilvitskii, greedy as scikit-learn does it: each new centre
     * is the best (lowest weighted potential) of a few candidates drawn with probability proportional to
     * weight × D². Weka's own k-means++ draws proportional to D and ignores instance weights; on weighted
     * distinct points that left the best of ten restarts about 10 % above the best known SSE on Mattapan.
     * Returns the indices of the starting centres (fewer than k only when every point already is one).
     */
    static int[] plusPlusSeeds(double[] x, double[] y, double[] w, int k, int seed) {
        Random random = new Random(seed);
        int n = x.length;
        int[] chosen = new int[k];
        int count = 0;
        chosen[count++] = draw(random, w);
        double[] d2 = squaredDistances(x, y, chosen[0], null);
        int trials = 2 + (int) Math.log(k);
        double[] mass = new double[n];
        double[] trial = new double[n];
        double[] bestD2 = new double[n];
        while (count < k) {
            for (int i = 0; i < n; i++) {
                mass[i] = w[i] * d2[i];
            }
            int best = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                int candidate = draw(random, mass);
                if (candidate < 0) {
                    break; // every point already is a centre
                }
                // distances and potential in one pass, into a reused buffer: the same sums in the same order
                double potential = 0;
                for (int i = 0; i < n; i++) {
                    double dx = x[i] - x[candidate];
                    double dy = y[i] - y[candidate];
                    trial[i] = Math.min(d2[i], dx * dx + dy * dy);
                    potential += w[i] * trial[i];
                }
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = candidate;
                    double[] keep = bestD2;
                    bestD2 = trial;
                    trial = keep;
                }
            }
            if (best < 0) {
                break;
            }
            chosen[count++] = best;
            double[] old = d2;
            d2 = bestD2;
            bestD2 = old;
        }
        return Arrays.copyOf(chosen, count);
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
