package org.beatwise.hotspot;

import java.util.List;

/** SSE for a range of k, and the knee chosen on that curve. */
public record ElbowResult(List<ElbowPoint> points, int kneeK, int rowsUsed) {

    public ElbowResult {
        points = List.copyOf(points);
    }
}
