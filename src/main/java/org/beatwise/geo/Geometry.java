package org.beatwise.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Plane geometry in projected metres: convex hull, polygon area, union area of circles. */
public final class Geometry {

    /** A circle in projected metres. */
    public record Circle(double x, double y, double r) {
        public boolean contains(double px, double py) {
            double dx = px - x;
            double dy = py - y;
            return dx * dx + dy * dy <= r * r;
        }
    }

    private Geometry() { }

    /** Convex hull (Andrew's monotone chain), counter-clockwise, no repeated first point. */
    public static double[][] convexHull(double[] xs, double[] ys) {
        int n = xs.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b]) : Double.compare(ys[a], ys[b]));
        int[] hull = new int[2 * n];
        int h = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = h;
            for (int j = 0; j < n; j++) {
                int i = order[pass == 0 ? j : n - 1 - j];
                while (h >= start + 2 && cross(xs, ys, hull[h - 2], hull[h - 1], i) <= 0) {
                    h--;
                }
                hull[h++] = i;
            }
            h--; // the last point of each chain is the first of the other
        }
        double[][] result = new double[Math.max(h, 0)][];
        for (int i = 0; i < h; i++) {
            result[i] = new double[] {xs[hull[i]], ys[hull[i]]};
        }
        return result;
    }

    private static double cross(double[] xs, double[] ys, int o, int a, int b) {
        return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
    }

    /** Area of a simple polygon given as {x, y} vertices (shoelace), in m²; orientation does not matter. */
    public static double polygonArea(double[][] ring) {
        double twice = 0;
        for (int i = 0; i < ring.length; i++) {
            double[] a = ring[i];
            double[] b = ring[(i + 1) % ring.length];
            twice += a[0] * b[1] - b[0] * a[1];
        }
        return Math.abs(twice) / 2;
    }

    /**
     * Area covered by at least one circle, in m², so overlapping hotspots are not counted twice.
     * Sweeps horizontal strips {@code step} metres high; in each strip the circles' chords at the
     * strip's middle are merged as intervals. With 1 m strips the error on a 250 m circle is under 0.01 %.
     */
    public static double unionArea(List<Circle> circles, double step) {
        if (circles.isEmpty()) {
            return 0;
        }
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Circle c : circles) {
            minY = Math.min(minY, c.y - c.r);
            maxY = Math.max(maxY, c.y + c.r);
        }
        double area = 0;
        List<double[]> chords = new ArrayList<>();
        for (double y = minY + step / 2; y < maxY; y += step) {
            chords.clear();
            for (Circle c : circles) {
                double dy = y - c.y;
                double half2 = c.r * c.r - dy * dy;
                if (half2 > 0) {
                    double half = Math.sqrt(half2);
                    chords.add(new double[] {c.x - half, c.x + half});
                }
            }
            chords.sort((a, b) -> Double.compare(a[0], b[0]));
            double covered = 0;
            double runStart = Double.NaN;
            double runEnd = Double.NEGATIVE_INFINITY;
            for (double[] chord : chords) {
                if (chord[0] > runEnd) {
                    if (runEnd > runStart) {
                        covered += runEnd - runStart;
                    }
                    runStart = chord[0];
                    runEnd = chord[1];
                } else {
                    runEnd = Math.max(runEnd, chord[1]);
                }
            }
            if (runEnd > runStart) {
                covered += runEnd - runStart;
            }
            area += covered * step;
        }
        return area;
    }
}
