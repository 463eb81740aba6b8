package org.beatwise.domain;

import java.util.List;
import java.util.Map;

/**
 * A named boundary area (police district, neighbourhood) from a GeoJSON file.
 *
 * @param name       value of the chosen name property
 * @param properties the feature's scalar properties as text, in file order
 * @param polygons   one or more polygons (a MultiPolygon has several)
 */
public record Area(String name, Map<String, String> properties, List<Polygon> polygons) {

    public Area {
        // keep the file's order (Map.copyOf would not, and written files must be reproducible)
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        polygons = List.copyOf(polygons);
    }

    /**
     * One polygon: the outer ring first, then holes. Each ring is a flat array
     * {@code [lon0, lat0, lon1, lat1, …]} (GeoJSON order), closed: last point equals first.
     */
    public record Polygon(List<double[]> rings) {
        public Polygon {
            rings = List.copyOf(rings);
        }
    }

    /** True when the point (WGS84) lies inside an outer ring and outside that polygon's holes. */
    public boolean contains(double lat, double lon) {
        for (Polygon p : polygons) {
            if (!p.rings().isEmpty() && inside(p.rings().get(0), lon, lat)) {
                boolean inHole = false;
                for (int i = 1; i < p.rings().size() && !inHole; i++) {
                    inHole = inside(p.rings().get(i), lon, lat);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Even-odd ray casting. */
    private static boolean inside(double[] ring, double x, double y) {
        boolean in = false;
        int n = ring.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = ring[2 * i];
            double yi = ring[2 * i + 1];
            double xj = ring[2 * j];
            double yj = ring[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}
