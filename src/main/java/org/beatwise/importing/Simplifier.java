package org.beatwise.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beatwise.domain.Area;

/**
 * Shrinks boundary polygons for display: Douglas–Peucker on each ring, then rounding to a grid
 * (5 decimals ≈ 1 m), dropping points that rounding made repeat. Rings that collapse below a
 * triangle are dropped; an area always keeps at least its largest polygon. Each ring is simplified on
 * its own, so shared borders of neighbouring areas may part by up to the tolerance — fine for a base
 * map, not for counting incidents on a border.
 */
public final class Simplifier {

    private Simplifier() { }

    /**
     * @param tolerance maximum distance of a removed point from the simplified line, in degrees
     * @param decimals  decimal places to keep (the grid), e.g. 5
     */
    public static List<Area> simplify(List<Area> areas, double tolerance, int decimals) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        if (decimals < 0 || decimals > 12) {
            throw new IllegalArgumentException("decimals must be within 0 … 12, was " + decimals);
        }
        List<Area> out = new ArrayList<>();
        for (Area a : areas) {
            List<Area.Polygon> polygons = new ArrayList<>();
            for (Area.Polygon p : a.polygons()) {
                double[] outer = ring(p.rings().get(0), tolerance, decimals);
                if (outer == null) {
                    continue;
                }
                List<double[]> rings = new ArrayList<>();
                rings.add(outer);
                for (int i = 1; i < p.rings().size(); i++) {
                    double[] hole = ring(p.rings().get(i), tolerance, decimals);
                    if (hole != null) {
                        rings.add(hole);
                    }
                }
                polygons.add(new Area.Polygon(rings));
            }
            if (polygons.isEmpty()) {
                polygons.add(largest(a)); // too small to simplify: keep it as it was
            }
            out.add(new Area(a.name(), a.properties(), polygons));
        }
        return out;
    }

    /** One closed ring simplified and rounded, or null when fewer than 4 positions would remain. */
    static double[] ring(double[] ring, double tolerance, int decimals) {
        int n = ring.length / 2;
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        // a closed ring has first == last, so split it at the point farthest from the start
        int far = 0;
        double best = -1;
        for (int i = 1; i < n - 1; i++) {
            double d = sq(ring[2 * i] - ring[0]) + sq(ring[2 * i + 1] - ring[1]);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        keep[far] = true;
        douglasPeucker(ring, 0, far, tolerance * tolerance, keep);
        douglasPeucker(ring, far, n - 1, tolerance * tolerance, keep);
        double scale = Math.pow(10, decimals);
        double[] out = new double[ring.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) {
                continue;
            }
            double x = Math.round(ring[2 * i] * scale) / scale;
            double y = Math.round(ring[2 * i + 1] * scale) / scale;
            if (m >= 2 && out[m - 2] == x && out[m - 1] == y) {
                continue;
            }
            out[m++] = x;
            out[m++] = y;
        }
        return m / 2 < 4 ? null : Arrays.copyOf(out, m);
    }

    /** Iterative (no recursion depth limit on rings of 100,000 points). */
    private static void douglasPeucker(double[] r, int first, int last, double tolSq, boolean[] keep) {
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double maxD = -1;
            int idx = -1;
            for (int i = a + 1; i < b; i++) {
                double d = segmentDistSq(r[2 * i], r[2 * i + 1], r[2 * a], r[2 * a + 1], r[2 * b], r[2 * b + 1]);
                if (d > maxD) {
                    maxD = d;
                    idx = i;
                }
            }
            if (idx >= 0 && maxD > tolSq) {
                keep[idx] = true;
                if (top + 4 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = a;
                stack[top++] = idx;
                stack[top++] = idx;
                stack[top++] = b;
            }
        }
    }

    private static double segmentDistSq(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        return sq(px - (ax + t * dx)) + sq(py - (ay + t * dy));
    }

    private static Area.Polygon largest(Area a) {
        Area.Polygon best = a.polygons().get(0);
        for (Area.Polygon p : a.polygons()) {
            if (p.rings().get(0).length > best.rings().get(0).length) {
                best = p;
            }
        }
        return best;
    }

    private static double sq(double v) {
        return v * v;
    }
}
