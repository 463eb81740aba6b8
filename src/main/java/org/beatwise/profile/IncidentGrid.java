package org.beatwise.profile;

import java.util.function.IntConsumer;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;

/**
 * A uniform grid of square cells in a local metric projection, each holding the ascending indices of the
 * points inside it (one array for all cells, compressed-row style, so a million points take two int
 * arrays and no boxing). A radius query visits only the cells the circle's bounding box touches; a cell
 * wholly inside the circle is taken whole, and in a cell on the edge a point is kept when its great-circle
 * distance is within the radius, the test a full scan makes, so the two agree. Boston snaps incidents to
 * a finite set of points, so a cell may hold thousands of indices at one coordinate; that costs a longer
 * run of the array, not a slower lookup.
 */
final class IncidentGrid {

    /** Cells of this side: a 250 m query touches about 36 of them. */
    static final double CELL_M = 100;
    /** Most cells before they grow: a county-sized dataset at 100 m still fits in 16 MB of offsets. */
    private static final long MAX_CELLS = 4_000_000;
    // Projected and great-circle distances differ by the east–west scale drift (see LocalProjection) and
    // by the curvature over a few km (far below 1 %): the factor and metres below cover both.
    private static final double MARGIN = 1.01;
    private static final double MARGIN_M = 5;

    private final LocalProjection projection;
    private final double[] lat;
    private final double[] lon;
    private final double cellM;
    private final int minCol;
    private final int minRow;
    private final int cols;
    private final int rows;
    private final int[] start;
    private final int[] members;

    private IncidentGrid(LocalProjection projection, double[] lat, double[] lon, double cellM, int minCol, int minRow,
                         int cols, int rows, int[] start, int[] members) {
        this.projection = projection;
        this.lat = lat;
        this.lon = lon;
        this.cellM = cellM;
        this.minCol = minCol;
        this.minRow = minRow;
        this.cols = cols;
        this.rows = rows;
        this.start = start;
        this.members = members;
    }

    /** Builds the grid over the points; the arrays are kept, not copied. */
    static IncidentGrid build(double[] lat, double[] lon) {
        if (lat.length != lon.length) {
            throw new IllegalArgumentException("need as many latitudes as longitudes: " + lat.length + " and " + lon.length);
        }
        int n = lat.length;
        LocalProjection projection = projectionAround(lat, lon);
        double[] x = new double[n];
        double[] y = new double[n];
        double minX = 0, maxX = 0, minY = 0, maxY = 0;
        for (int i = 0; i < n; i++) {
            x[i] = projection.x(lon[i]);
            y[i] = projection.y(lat[i]);
            minX = i == 0 ? x[i] : Math.min(minX, x[i]);
            maxX = i == 0 ? x[i] : Math.max(maxX, x[i]);
            minY = i == 0 ? y[i] : Math.min(minY, y[i]);
            maxY = i == 0 ? y[i] : Math.max(maxY, y[i]);
        }
        double cellM = CELL_M;
        while (((long) ((maxX - minX) / cellM) + 1) * ((long) ((maxY - minY) / cellM) + 1) > MAX_CELLS) {
            cellM *= 2;
        }
        int minCol = (int) Math.floor(minX / cellM);
        int minRow = (int) Math.floor(minY / cellM);
        int cols = (int) Math.floor(maxX / cellM) - minCol + 1;
        int rows = (int) Math.floor(maxY / cellM) - minRow + 1;
        int[] cell = new int[n];
        int[] start = new int[cols * rows + 1];
        for (int i = 0; i < n; i++) {
            int c = (int) Math.floor(x[i] / cellM) - minCol;
            int r = (int) Math.floor(y[i] / cellM) - minRow;
            cell[i] = r * cols + c;
            start[cell[i] + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] fill = start.clone();
        int[] members = new int[n];
        for (int i = 0; i < n; i++) { // ascending i, so every cell's run comes out sorted
            members[fill[cell[i]]++] = i;
        }
        return new IncidentGrid(projection, lat, lon, cellM, minCol, minRow, cols, rows, start, members);
    }

    private static LocalProjection projectionAround(double[] lat, double[] lon) {
        if (lat.length == 0) {
            return new LocalProjection(0, 0);
        }
        double minLat = lat[0], maxLat = lat[0], minLon = lon[0], maxLon = lon[0];
        for (int i = 1; i < lat.length; i++) {
            minLat = Math.min(minLat, lat[i]);
            maxLat = Math.max(maxLat, lat[i]);
            minLon = Math.min(minLon, lon[i]);
            maxLon = Math.max(maxLon, lon[i]);
        }
        return new LocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    /** Calls {@code hit} with the index of every point within {@code radiusM} metres (great-circle) of the place. */
    void within(double placeLat, double placeLon, double radiusM, IntConsumer hit) {
        if (lat.length == 0) {
            return;
        }
        double x = projection.x(placeLon);
        double y = projection.y(placeLat);
        // east–west metres at the place's latitude differ from the projection's by this factor
        double scale = Math.cos(Math.toRadians(projection.lat0())) / Math.cos(Math.toRadians(Math.min(89.9, Math.abs(placeLat))));
        double drift = Math.max(scale, 1 / scale) * MARGIN;
        double reach = radiusM * drift + MARGIN_M;
        double sure = radiusM / drift - MARGIN_M;
        int c0 = Math.max(0, (int) Math.floor((x - reach) / cellM) - minCol);
        int c1 = Math.min(cols - 1, (int) Math.floor((x + reach) / cellM) - minCol);
        int r0 = Math.max(0, (int) Math.floor((y - reach) / cellM) - minRow);
        int r1 = Math.min(rows - 1, (int) Math.floor((y + reach) / cellM) - minRow);
        for (int r = r0; r <= r1; r++) {
            double south = (r + minRow) * cellM;
            double dy = Math.max(Math.abs(south - y), Math.abs(south + cellM - y));
            for (int c = c0; c <= c1; c++) {
                int cell = r * cols + c;
                int from = start[cell];
                int to = start[cell + 1];
                if (from == to) {
                    continue;
                }
                double west = (c + minCol) * cellM;
                double dx = Math.max(Math.abs(west - x), Math.abs(west + cellM - x));
                if (Math.hypot(dx, dy) <= sure) {
                    for (int k = from; k < to; k++) {
                        hit.accept(members[k]);
                    }
                    continue;
                }
                for (int k = from; k < to; k++) {
                    int i = members[k];
                    if (LatLon.haversineMetres(placeLat, placeLon, lat[i], lon[i]) <= radiusM) {
                        hit.accept(i);
                    }
                }
            }
        }
    }

    int size() {
        return lat.length;
    }

    /** Cells that hold at least one point. */
    int cellCount() {
        int count = 0;
        for (int k = 0; k + 1 < start.length; k++) {
            count += start[k + 1] > start[k] ? 1 : 0;
        }
        return count;
    }
}
