package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.beatwise.geo.Geometry;
import org.beatwise.geo.Geometry.Circle;
import org.beatwise.task.Progress;

/**
 * The maximal covering location problem: k circles of a fixed radius placed to hold the most
 * training incidents. Candidate centres are the distinct training locations (where incidents pile up,
 * the best centres usually sit on one). Greedy selection (lazy, so most candidates are never
 * re-scored) has the (1 − 1/e) guarantee; a swap pass then replaces any circle by the candidate that
 * covers more given the others, until no swap gains. Ties go to the lower candidate index (points are
 * sorted by position), so the same data always gives the same circles.
 */
final class CoverageMethod implements HotspotMethod {

    private static final int MAX_SWAP_PASSES = 5;

    private final int k;
    private final double radiusM;

    CoverageMethod(int k, double radiusM) {
        this.k = k;
        this.radiusM = radiusM;
    }

    @Override
    public MethodChoice choice() {
        return MethodChoice.COVERAGE;
    }

    @Override
    public Layer fit(TrainingSet training, Progress progress) {
        WeightedPoints points = training.points();
        int n = points.size();
        if (n < k) {
            throw new IllegalArgumentException("k = " + k + " is more than the " + n
                    + " distinct incident locations of the training period; lower k or widen the filters");
        }
        double studyArea = Geometry.polygonArea(Geometry.convexHull(points.x(), points.y()));
        double circleArea = Math.PI * radiusM * radiusM;
        if (n >= 3 && studyArea > 0 && circleArea > studyArea) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "radius_m = %.0f gives one circle of %.2f km², larger than the study area (%.2f km², convex hull of"
                            + " the training incidents); lower the radius", radiusM, circleArea / 1e6, studyArea / 1e6));
        }
        int[][] covers = neighbourhoods(points, progress);
        double[] w = points.weight();
        int[] chosen = greedy(covers, w, progress);
        swap(chosen, covers, w, progress);
        List<Circle> circles = new ArrayList<>();
        for (int c : rankByMarginalGain(chosen, covers, w)) {
            circles.add(new Circle(points.x()[c], points.y()[c], radiusM));
        }
        return new Layer.Circles(circles);
    }

    /** For each candidate centre (every distinct point), the points within the radius. */
    private int[][] neighbourhoods(WeightedPoints points, Progress progress) {
        PointIndex index = new PointIndex(points.x(), points.y(), radiusM);
        int n = points.size();
        int[][] covers = new int[n][];
        int[] buffer = new int[n];
        for (int c = 0; c < n; c++) {
            if ((c & 4095) == 0) {
                progress.checkCancelled();
            }
            int m = index.within(points.x()[c], points.y()[c], radiusM, buffer);
            covers[c] = Arrays.copyOf(buffer, m);
        }
        return covers;
    }

    private int[] greedy(int[][] covers, double[] w, Progress progress) {
        boolean[] covered = new boolean[w.length];
        // entries: {gain, candidate}; highest gain first, then lowest candidate
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : Double.compare(a[1], b[1]));
        for (int c = 0; c < covers.length; c++) {
            queue.add(new double[] {gain(covers[c], w, covered), c});
        }
        int[] chosen = new int[k];
        int picked = 0;
        while (picked < k) {
            progress.checkCancelled();
            double[] top = queue.poll();
            int c = (int) top[1];
            double fresh = gain(covers[c], w, covered);
            double[] next = queue.peek();
            // Gains only shrink as circles are added, so a stale entry that still wins after re-scoring is the best.
            if (next == null || fresh > next[0] || fresh == next[0] && c < next[1]) {
                chosen[picked++] = c;
                for (int p : covers[c]) {
                    covered[p] = true;
                }
            } else {
                queue.add(new double[] {fresh, c});
            }
        }
        return chosen;
    }

    private static double gain(int[] cover, double[] w, boolean[] covered) {
        double g = 0;
        for (int p : cover) {
            if (!covered[p]) {
                g += w[p];
            }
        }
        return g;
    }

    /** Replace a circle by the candidate that covers more of what the others leave; repeat while that gains. */
    private void swap(int[] chosen, int[][] covers, double[] w, Progress progress) {
        // A candidate can never gain more than all it covers: scanning candidates by that bound, best
        // first, lets the search stop early instead of re-scoring every distinct location k times a pass.
        double[] bound = new double[covers.length];
        Integer[] byBound = new Integer[covers.length];
        for (int c = 0; c < covers.length; c++) {
            for (int p : covers[c]) {
                bound[c] += w[p];
            }
            byBound[c] = c;
        }
        Arrays.sort(byBound, (a, b) -> bound[a] != bound[b] ? Double.compare(bound[b], bound[a]) : Integer.compare(a, b));
        int[] times = new int[w.length];
        for (int c : chosen) {
            for (int p : covers[c]) {
                times[p]++;
            }
        }
        for (int pass = 0; pass < MAX_SWAP_PASSES; pass++) {
            boolean improved = false;
            for (int i = 0; i < chosen.length; i++) {
                progress.checkCancelled();
                for (int p : covers[chosen[i]]) {
                    times[p]--;
                }
                int best = chosen[i];
                double bestGain = uncoveredWeight(covers[best], w, times);
                for (int c : byBound) {
                    if (bound[c] <= bestGain + 1e-9) {
                        break;
                    }
                    double g = uncoveredWeight(covers[c], w, times);
                    // A swap must gain clearly, so rounding never makes two circles trade places for ever.
                    if (g > bestGain + 1e-9) {
                        bestGain = g;
                        best = c;
                    }
                }
                if (best != chosen[i]) {
                    chosen[i] = best;
                    improved = true;
                }
                for (int p : covers[chosen[i]]) {
                    times[p]++;
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    private static double uncoveredWeight(int[] cover, double[] w, int[] times) {
        double g = 0;
        for (int p : cover) {
            if (times[p] == 0) {
                g += w[p];
            }
        }
        return g;
    }

    /** The chosen circles in the order a greedy pass would take them, so the best single circle comes first. */
    private static int[] rankByMarginalGain(int[] chosen, int[][] covers, double[] w) {
        boolean[] covered = new boolean[w.length];
        boolean[] used = new boolean[chosen.length];
        int[] ranked = new int[chosen.length];
        for (int r = 0; r < chosen.length; r++) {
            int best = -1;
            double bestGain = -1;
            for (int i = 0; i < chosen.length; i++) {
                if (!used[i]) {
                    double g = gain(covers[chosen[i]], w, covered);
                    if (g > bestGain || g == bestGain && chosen[i] < chosen[best]) {
                        bestGain = g;
                        best = i;
                    }
                }
            }
            used[best] = true;
            ranked[r] = chosen[best];
            for (int p : covers[chosen[best]]) {
                covered[p] = true;
            }
        }
        return ranked;
    }
}
