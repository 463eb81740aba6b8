package org.beatwise.profile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;

/**
 * A uniform grid of square cells in a local metric projection, each holding the ascending indices of the
 * points inside it. A radius query visits only the cells the circle's bounding box touches, then keeps a
 * point when its great-circle distance is within the radius: the same test a full scan would make, so
 * the two can never disagree. Boston snaps incidents to a finite set of points, so a cell may hold
 * thousands of indices at one coordinate; that costs a longer array, not a slower lookup.
 */
final class IncidentGrid {

    /** Cells of this side: a 250 m query touches about 36 of them. */
    static final double CELL_M = 100;
    // The projection's east–west scale drifts by under 0.2 % within 10 km of its centre (see
    // LocalProjection); a margin this large keeps every point the exact test would keep.
    private static final double MARGIN = 1.01;
    private static final double MARGIN_M = 5;

    private final LocalProjection projection;
    private final double[] lat;
    private final double[] lon;
    private final Map<Long, int[]> cells;

    private IncidentGrid(LocalProjection projection, double[] lat, double[] lon, Map<Long, int[]> cells) {
        this.projection = projection;
        this.lat = lat;
        this.lon = lon;
        this.cells = cells;
    }

    /** Builds the grid over the points; the arrays are kept, not copied. */
    static IncidentGrid build(double[] lat, double[] lon) {
        if (lat.length != lon.length) {
            throw new IllegalArgumentException("need as many latitudes as longitudes: " + lat.length + " and " + lon.length);
        }
        LocalProjection projection = projectionAround(lat, lon);
        int n = lat.length;
        long[] keys = new long[n];
        Map<Long, int[]> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            keys[i] = key(col(projection.x(lon[i])), col(projection.y(lat[i])));
            counts.computeIfAbsent(keys[i], k -> new int[1])[0]++;
        }
        Map<Long, int[]> cells = new HashMap<>(counts.size() * 2);
        Map<Long, int[]> fill = new HashMap<>(counts.size() * 2);
        counts.forEach((k, c) -> {
            cells.put(k, new int[c[0]]);
            fill.put(k, new int[1]);
        });
        for (int i = 0; i < n; i++) { // ascending i, so every cell's array comes out sorted
            cells.get(keys[i])[fill.get(keys[i])[0]++] = i;
        }
        return new IncidentGrid(projection, lat, lon, cells);
    }

    private static LocalProjection projectionAround(double[] lat, double[] lon) {
        if (lat.length == 0) {
            return new LocalProjection(0, 0);
        }
        double minLat = Arrays.stream(lat).min().orElseThrow();
        double maxLat = Arrays.stream(lat).max().orElseThrow();
        double minLon = Arrays.stream(lon).min().orElseThrow();
        double maxLon = Arrays.stream(lon).max().orElseThrow();
        return new LocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    /** Calls {@code hit} with the index of every point within {@code radiusM} metres (great-circle) of the place. */
    void within(double placeLat, double placeLon, double radiusM, IntConsumer hit) {
        double x = projection.x(placeLon);
        double y = projection.y(placeLat);
        double reach = radiusM * MARGIN + MARGIN_M;
        int c0 = col(x - reach);
        int c1 = col(x + reach);
        int r0 = col(y - reach);
        int r1 = col(y + reach);
        for (int c = c0; c <= c1; c++) {
            for (int r = r0; r <= r1; r++) {
                int[] members = cells.get(key(c, r));
                if (members == null) {
                    continue;
                }
                for (int i : members) {
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

    int cellCount() {
        return cells.size();
    }

    private static int col(double metres) {
        return (int) Math.floor(metres / CELL_M);
    }

    private static long key(int col, int row) {
        return ((long) col << 32) ^ (row & 0xffffffffL);
    }
}
