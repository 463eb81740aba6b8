package org.beatwise.hotspot;

import java.util.List;

/**
 * Picks the knee of an elbow curve, Kneedle-style: scale k and SSE to [0, 1] and take the point
 * farthest below the chord from the first point to the last. For a falling, bending curve that is
 * where adding clusters stops paying; for a straight line there is no knee and the first k is returned.
 */
public final class Knee {

    private Knee() { }

    public static int find(List<ElbowPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
        ElbowPoint first = points.get(0);
        ElbowPoint last = points.get(points.size() - 1);
        double kSpan = last.k() - first.k();
        double sMax = points.stream().mapToDouble(ElbowPoint::sse).max().orElseThrow();
        double sMin = points.stream().mapToDouble(ElbowPoint::sse).min().orElseThrow();
        double sSpan = sMax - sMin;
        if (kSpan <= 0 || sSpan <= 0) {
            return first.k();
        }
        // In scaled coordinates the chord runs from (0, y0) to (1, y1); distance below it is chord minus curve.
        double y0 = (first.sse() - sMin) / sSpan;
        double y1 = (last.sse() - sMin) / sSpan;
        int best = first.k();
        double bestGap = 1e-12;
        for (ElbowPoint p : points) {
            double x = (p.k() - first.k()) / kSpan;
            double y = (p.sse() - sMin) / sSpan;
            double gap = (y0 + (y1 - y0) * x) - y;
            if (gap > bestGap) {
                bestGap = gap;
                best = p.k();
            }
        }
        return best;
    }
}
