package org.beatwise.geo;

import java.util.List;
import org.beatwise.domain.Incident;

/**
 * A local equirectangular projection to metres around a centre: x east, y north.
 *
 * <p>K-Means must run on true distances, never raw degrees: at Boston's latitude a degree of
 * longitude is only 0.74 of a degree of latitude. The east–west scale is exact on the centre's
 * parallel and off by {@code cos(lat)/cos(lat0) - 1 ≈ -tan(lat0)·Δlat} elsewhere: at 42.3° N that is
 * 0.016 % per km north or south of the centre, so about 0.1 % at the 7 km edge of a police district
 * and under 0.2 % anywhere within 10 km. That is far below the scatter of geocoded incidents, which is
 * why a full UTM transform is not worth a dependency here.
 */
public record LocalProjection(double lat0, double lon0) {

    public LocalProjection {
        if (!(Math.abs(lat0) < 85)) {
            throw new IllegalArgumentException("lat0 must be within 85° of the equator, was " + lat0);
        }
        if (!(lon0 >= -180 && lon0 <= 180)) {
            throw new IllegalArgumentException("lon0 must be in [-180, 180], was " + lon0);
        }
    }

    /** Centred on the middle of the incidents' bounding box, so the worst-case error is as small as it gets. */
    public static LocalProjection around(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("incidents must not be empty to centre a projection");
        }
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        for (Incident i : incidents) {
            minLat = Math.min(minLat, i.lat());
            maxLat = Math.max(maxLat, i.lat());
            minLon = Math.min(minLon, i.lon());
            maxLon = Math.max(maxLon, i.lon());
        }
        return new LocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    private double metresPerRadianX() {
        return LatLon.EARTH_RADIUS_M * Math.cos(Math.toRadians(lat0));
    }

    public double x(double lon) {
        return Math.toRadians(lon - lon0) * metresPerRadianX();
    }

    public double y(double lat) {
        return Math.toRadians(lat - lat0) * LatLon.EARTH_RADIUS_M;
    }

    public double lon(double x) {
        return lon0 + Math.toDegrees(x / metresPerRadianX());
    }

    public double lat(double y) {
        return lat0 + Math.toDegrees(y / LatLon.EARTH_RADIUS_M);
    }

    public LatLon toLatLon(double x, double y) {
        return new LatLon(lat(y), lon(x));
    }
}
