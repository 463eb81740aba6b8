package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expected incidents per raster cell: cell (col0 + i, row0 + j) holds {@code value[j·cols + i]}.
 * Cells are squares of side {@code cellM} aligned to the projection's origin, like every grid here.
 */
record DensitySurface(double cellM, int col0, int row0, int cols, int rows, double[] value) {

    double total() {
        double t = 0;
        for (double v : value) {
            t += v;
        }
        return t;
    }

    /**
     * The {@code n} highest cells, highest first; ties go to the lower index so the choice is stable.
     * Only cells above zero qualify.
     */
    List<RasterCell> top(int n) {
        double[] sorted = value.clone();
        Arrays.sort(sorted);
        int take = Math.min(n, sorted.length);
        double threshold = take == 0 ? Double.POSITIVE_INFINITY : sorted[sorted.length - take];
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < value.length; i++) {
            if (value[i] > threshold && value[i] > 0) {
                picked.add(i);
            }
        }
        for (int i = 0; i < value.length && picked.size() < take; i++) {
            if (value[i] == threshold && value[i] > 0) {
                picked.add(i);
            }
        }
        picked.sort((a, b) -> value[a] != value[b] ? Double.compare(value[b], value[a]) : Integer.compare(a, b));
        double perKm2 = 1e6 / (cellM * cellM);
        List<RasterCell> cells = new ArrayList<>(picked.size());
        for (int i : picked) {
            cells.add(new RasterCell(col0 + i % cols, row0 + i / cols, value[i] * perKm2, 0, Double.NaN, Double.NaN, 0));
        }
        return cells;
    }
}
