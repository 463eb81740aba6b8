package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beatwise.geo.Geometry;
import org.beatwise.geo.Geometry.Circle;
import org.beatwise.task.Progress;

/**
 * The maximal covering location problem: k circles of a fixed radius placed to hold the most
 * training incidents. Candidate centres are first the distinct training locations (where incidents
 * pile up); lazy greedy selection (most candidates are never re-scored) gives the (1 − 1/e) guarantee.
 * Then each circle may move off the incident locations onto a fine local grid where it holds more of
 * what the others leave ({@link #refine}). A global swap pass between incident locations was tried and
 * dropped: on Mattapan it never found a better set than greedy, and on 50,000 distinct points it was
 * most of the time. Ties go to the lower candidate index (points are sorted by position) and to the
 * first grid position scanned, so the same data always gives the same circles.
 */
final class CoverageMethod implements HotspotMethod {

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
        Neighbourhoods covers = new Neighbourhoods(points);
        double[] w = points.weight();
        int[] chosen = greedy(covers, w, progress);
        double[] cx = new double[k];
        double[] cy = new double[k];
        int[][] cover = new int[k][];
        for (int i = 0; i < k; i++) {
            cx[i] = points.x()[chosen[i]];
            cy[i] = points.y()[chosen[i]];
            cover[i] = covers.of(chosen[i]);
        }
        refine(points, covers.index, covers.buffer, cx, cy, cover, progress);
        List<Circle> circles = new ArrayList<>();
        for (int i : rankByMarginalGain(cover, w)) {
            circles.add(new Circle(cx[i], cy[i], radiusM));
        }
        return new Layer.Circles(circles);
    }

    /**
     * The points within the radius of each candidate centre (every distinct point), found when asked
     * rather than kept: kept, they are n × (points per circle) indices, which for a million distinct
     * locations at city density is several GB (what ran a 3 GB heap out on 1,000,000 generated
     * incidents). Lazy greedy asks again for only a few candidates, so finding them twice costs little.
     * Half-radius buckets need fewer distance checks than radius-wide ones.
     */
    private final class Neighbourhoods {
        private final WeightedPoints points;
        private final PointIndex index;
        private final int[] buffer;

        Neighbourhoods(WeightedPoints points) {
            this.points = points;
            this.index = new PointIndex(points.x(), points.y(), radiusM / 2);
            this.buffer = new int[points.size()];
        }

        int[] of(int c) {
            return Arrays.copyOf(buffer, index.within(points.x()[c], points.y()[c], radiusM, buffer));
        }

        int size() {
            return points.size();
        }
    }

    private int[] greedy(Neighbourhoods covers, double[] w, Progress progress) {
        boolean[] covered = new boolean[w.length];
        WeightedPoints points = covers.points;
        // Each candidate enters the queue with a cheap upper bound of its gain, not the gain itself: lazy
        // greedy only needs keys that are never below the true gain (it re-scores the top one before taking
        // it), so it takes the same circles; scoring every candidate exactly was most of the time on
        // millions of distinct locations (each scan grows with the density, so the whole with its square).
        WeightBounds bounds = new WeightBounds(points, radiusM);
        FineCells cells = new FineCells(points, radiusM);
        // highest gain first, then lowest candidate; a heap of candidate numbers over their last known gains
        // rather than a queue of {gain, candidate} arrays, which took 36 bytes a distinct location
        Candidates queue = new Candidates(covers.size());
        for (int c = 0; c < covers.size(); c++) {
            if ((c & 4095) == 0) {
                progress.checkCancelled();
            }
            queue.add(c, bounds.atMost(points.x()[c], points.y()[c]));
        }
        int[] chosen = new int[k];
        int picked = 0;
        while (picked < k) {
            progress.checkCancelled();
            int c = queue.poll();
            double fresh = cells.gain(points.x()[c], points.y()[c], covered);
            // Gains only shrink as circles are added, so a stale entry that still wins after re-scoring is the best.
            if (queue.isEmpty() || fresh > queue.topGain() || fresh == queue.topGain() && c < queue.top()) {
                chosen[picked++] = c;
                for (int p : covers.of(c)) {
                    if (!covered[p]) {
                        covered[p] = true;
                        cells.covered(p);
                    }
                }
            } else {
                queue.add(c, fresh);
            }
        }
        return chosen;
    }

    /**
     * The fine grid both {@link WeightBounds} and {@link FineCells} count on: cells of an eighth of the
     * radius over the points' extent (coarser, by doublings, past four million cells); points beyond the
     * extent are clamped into the edge cells.
     */
    private record FineGrid(double minX, double minY, double cell, int cols, int rows) {
        private static final int MAX_CELLS = 4_000_000;

        static FineGrid over(double[] x, double[] y, double radiusM) {
            double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < x.length; p++) {
                x0 = Math.min(x0, x[p]);
                x1 = Math.max(x1, x[p]);
                y0 = Math.min(y0, y[p]);
                y1 = Math.max(y1, y[p]);
            }
            double c = radiusM / 8;
            while ((Math.floor((x1 - x0) / c) + 1) * (Math.floor((y1 - y0) / c) + 1) > MAX_CELLS) {
                c *= 2;
            }
            return new FineGrid(x0, y0, c, (int) Math.floor((x1 - x0) / c) + 1, (int) Math.floor((y1 - y0) / c) + 1);
        }

        int col(double v) {
            return Math.min(cols - 1, Math.max(0, (int) Math.floor((v - minX) / cell)));
        }

        int row(double v) {
            return Math.min(rows - 1, Math.max(0, (int) Math.floor((v - minY) / cell)));
        }
    }

    /**
     * The weight of the points in every fine grid cell (an eighth of the radius) that meets a circle: at
     * least the weight the circle holds, found from per-row running sums in one step per grid row.
     */
    private static final class WeightBounds {
        private final FineGrid grid;
        private final double radius;
        /** Row j's running sums: sums[j * (cols + 1) + i] is the weight of its cells 0 … i−1. */
        private final double[] sums;

        WeightBounds(WeightedPoints points, double radiusM) {
            double[] x = points.x();
            double[] y = points.y();
            grid = FineGrid.over(x, y, radiusM);
            // a hair wider than the radius, so rounding never leaves out a cell with a point on the circle
            radius = radiusM * (1 + 1e-9) + 1e-6;
            sums = new double[grid.rows() * (grid.cols() + 1)];
            for (int p = 0; p < x.length; p++) {
                sums[grid.row(y[p]) * (grid.cols() + 1) + grid.col(x[p]) + 1] += points.weight()[p];
            }
            for (int j = 0; j < grid.rows(); j++) {
                int base = j * (grid.cols() + 1);
                for (int i = 1; i <= grid.cols(); i++) {
                    sums[base + i] += sums[base + i - 1];
                }
            }
        }

        double atMost(double px, double py) {
            double total = 0;
            for (int j = grid.row(py - radius), last = grid.row(py + radius); j <= last; j++) {
                double bottom = grid.minY() + j * grid.cell();
                double dy = py < bottom ? bottom - py : py > bottom + grid.cell() ? py - bottom - grid.cell() : 0;
                if (dy > radius) {
                    continue;
                }
                double half = Math.sqrt(radius * radius - dy * dy);
                int base = j * (grid.cols() + 1);
                total += sums[base + grid.col(px + half) + 1] - sums[base + grid.col(px - half)];
            }
            return total;
        }
    }

    /**
     * A candidate's gain (the uncovered weight within the radius) from a fine grid (an eighth of the
     * radius): cells wholly inside the circle add their uncovered weight at once, only the cells the circle's
     * edge crosses are looked at point by point, with the same distance test as {@link PointIndex#within}.
     * The weights are whole counts, so the sum is exactly the one a scan of every point gives. On millions of
     * distinct locations a scan meets thousands of points a candidate, and lazy greedy re-scores many.
     */
    private static final class FineCells {
        private final double[] x;
        private final double[] y;
        private final double[] w;
        private final FineGrid grid;
        private final double radius;
        private final int[] start;
        private final int[] order;
        private final double[] uncovered;

        FineCells(WeightedPoints points, double radiusM) {
            x = points.x();
            y = points.y();
            w = points.weight();
            grid = FineGrid.over(x, y, radiusM);
            radius = radiusM;
            int cells = grid.rows() * grid.cols();
            start = new int[cells + 1];
            uncovered = new double[cells];
            for (int p = 0; p < x.length; p++) {
                int k = cellOf(p);
                start[k + 1]++;
                uncovered[k] += w[p];
            }
            for (int k = 0; k < cells; k++) {
                start[k + 1] += start[k];
            }
            order = new int[x.length];
            int[] next = java.util.Arrays.copyOf(start, cells);
            for (int p = 0; p < x.length; p++) {
                order[next[cellOf(p)]++] = p;
            }
        }

        private int cellOf(int p) {
            return grid.row(y[p]) * grid.cols() + grid.col(x[p]);
        }

        void covered(int p) {
            uncovered[cellOf(p)] -= w[p];
        }

        double gain(double px, double py, boolean[] covered) {
            double r2 = radius * radius;
            // a micrometre either way, so a cell is taken whole or skipped only where rounding cannot matter
            double outer = (radius + 1e-6) * (radius + 1e-6);
            double inner = radius > 1e-6 ? (radius - 1e-6) * (radius - 1e-6) : -1;
            double g = 0;
            int c0 = grid.col(px - radius - 1e-6);
            int c1 = grid.col(px + radius + 1e-6);
            for (int j = grid.row(py - radius - 1e-6), last = grid.row(py + radius + 1e-6); j <= last; j++) {
                double bottom = grid.minY() + j * grid.cell();
                double top = bottom + grid.cell();
                double ny = py < bottom ? bottom - py : py > top ? py - top : 0;
                double fy = Math.max(Math.abs(py - bottom), Math.abs(py - top));
                for (int i = c0; i <= c1; i++) {
                    double left = grid.minX() + i * grid.cell();
                    double right = left + grid.cell();
                    double nx = px < left ? left - px : px > right ? px - right : 0;
                    if (nx * nx + ny * ny > outer) {
                        continue;
                    }
                    int k = j * grid.cols() + i;
                    double fx = Math.max(Math.abs(px - left), Math.abs(px - right));
                    // cells at the grid's edge hold the clamped points beyond it, so only inner cells go whole
                    boolean edge = i == 0 || j == 0 || i == grid.cols() - 1 || j == grid.rows() - 1;
                    if (!edge && fx * fx + fy * fy < inner) {
                        g += uncovered[k];
                        continue;
                    }
                    for (int s = start[k]; s < start[k + 1]; s++) {
                        int p = order[s];
                        double dx = x[p] - px;
                        double dy = y[p] - py;
                        if (!covered[p] && dx * dx + dy * dy <= r2) {
                            g += w[p];
                        }
                    }
                }
            }
            return g;
        }
    }

    /** A binary heap of candidates, best (highest gain, then lowest number) on top; each candidate at most once. */
    private static final class Candidates {
        private final double[] gain;
        private final int[] heap;
        private int size;

        Candidates(int n) {
            gain = new double[n];
            heap = new int[n];
        }

        boolean isEmpty() {
            return size == 0;
        }

        int top() {
            return heap[0];
        }

        double topGain() {
            return gain[heap[0]];
        }

        private boolean better(int a, int b) {
            return gain[a] > gain[b] || gain[a] == gain[b] && a < b;
        }

        void add(int c, double g) {
            gain[c] = g;
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!better(c, heap[parent])) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = c;
        }

        int poll() {
            int best = heap[0];
            int last = heap[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && better(heap[child + 1], heap[child])) {
                    child++;
                }
                if (!better(heap[child], last)) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            if (size > 0) {
                heap[i] = last;
            }
            return best;
        }
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

    private static final int MAX_REFINE_PASSES = 10;
    /** How far a circle may move in one refinement step, and the grid it moves on, as shares of the radius (50 m and 10 m at 250 m). */
    private static final double REACH = 0.2;
    private static final double STEP = 0.04;

    /**
     * The finer candidate set, searched locally: each circle in turn may move to any point of a grid
     * around it (±{@link #REACH}·r in steps of {@link #STEP}·r) where it holds more of what the other
     * circles leave, pass after pass until none moves. The best centre often lies between busy corners,
     * not on one. On Mattapan (fit 2015-06…2017) it raised the 2018 hit rate from 45.3 % to 47.8 %; a
     * global grid of 10–25 m candidates gained less (46.6–47.3 %) at several times the cost.
     */
    private void refine(WeightedPoints points, PointIndex index, int[] buffer, double[] cx, double[] cy, int[][] cover,
                        Progress progress) {
        double[] w = points.weight();
        int[] times = new int[w.length];
        for (int[] c : cover) {
            for (int p : c) {
                times[p]++;
            }
        }
        double stepM = STEP * radiusM;
        int steps = (int) Math.round(REACH / STEP);
        for (int pass = 0; pass < MAX_REFINE_PASSES; pass++) {
            boolean moved = false;
            for (int i = 0; i < cx.length; i++) {
                progress.checkCancelled();
                for (int p : cover[i]) {
                    times[p]--;
                }
                double bestGain = uncoveredWeight(cover[i], w, times);
                double bx = cx[i];
                double by = cy[i];
                for (int a = -steps; a <= steps; a++) {
                    for (int b = -steps; b <= steps; b++) {
                        double px = cx[i] + a * stepM;
                        double py = cy[i] + b * stepM;
                        int m = index.within(px, py, radiusM, buffer);
                        double g = 0;
                        for (int j = 0; j < m; j++) {
                            if (times[buffer[j]] == 0) {
                                g += w[buffer[j]];
                            }
                        }
                        if (g > bestGain + 1e-9) {
                            bestGain = g;
                            bx = px;
                            by = py;
                        }
                    }
                }
                if (bx != cx[i] || by != cy[i]) {
                    cx[i] = bx;
                    cy[i] = by;
                    cover[i] = Arrays.copyOf(buffer, index.within(bx, by, radiusM, buffer));
                    moved = true;
                }
                for (int p : cover[i]) {
                    times[p]++;
                }
            }
            if (!moved) {
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

    /** The circles in the order a greedy pass would take them, so the best single circle comes first. */
    private static int[] rankByMarginalGain(int[][] cover, double[] w) {
        boolean[] covered = new boolean[w.length];
        boolean[] used = new boolean[cover.length];
        int[] ranked = new int[cover.length];
        for (int r = 0; r < cover.length; r++) {
            int best = -1;
            double bestGain = -1;
            for (int i = 0; i < cover.length; i++) {
                if (!used[i]) {
                    double g = gain(cover[i], w, covered);
                    if (g > bestGain) {
                        bestGain = g;
                        best = i;
                    }
                }
            }
            used[best] = true;
            ranked[r] = best;
            for (int p : cover[best]) {
                covered[p] = true;
            }
        }
        return ranked;
    }
}
