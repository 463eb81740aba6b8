package org.beatwise.hotspot;

import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LocalProjection;

/**
 * Incident counts on every cell of the rectangle around the incidents (empty cells included), cells
 * aligned to the projection's origin: {@code count[(row - row0) * cols + (col - col0)]}.
 */
record CellCounts(double cellM, int col0, int row0, int cols, int rows, double[] count) {

    static CellCounts of(List<Incident> incidents, LocalProjection projection, double cellM) {
        int minC = Integer.MAX_VALUE, maxC = Integer.MIN_VALUE, minR = Integer.MAX_VALUE, maxR = Integer.MIN_VALUE;
        int[] cs = new int[incidents.size()];
        int[] rs = new int[incidents.size()];
        for (int i = 0; i < cs.length; i++) {
            Incident in = incidents.get(i);
            cs[i] = (int) Math.floor(projection.x(in.lon()) / cellM);
            rs[i] = (int) Math.floor(projection.y(in.lat()) / cellM);
            minC = Math.min(minC, cs[i]);
            maxC = Math.max(maxC, cs[i]);
            minR = Math.min(minR, rs[i]);
            maxR = Math.max(maxR, rs[i]);
        }
        int cols = maxC - minC + 1;
        int rows = maxR - minR + 1;
        if ((long) cols * rows > 25_000_000L) {
            throw new IllegalArgumentException("cell_m = " + cellM + " m needs " + (long) cols * rows
                    + " cells over this area (at most 25,000,000); use larger cells");
        }
        double[] count = new double[cols * rows];
        for (int i = 0; i < cs.length; i++) {
            count[(rs[i] - minR) * cols + (cs[i] - minC)]++;
        }
        return new CellCounts(cellM, minC, minR, cols, rows, count);
    }
}
