package org.beatwise.hotspot;

import org.beatwise.geo.Geo;

/** A WGS84 position in degrees. */
public record LatLon(double lat, double lon) {

    public LatLon {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be in [-90, 90], was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be in [-180, 180], was " + lon);
        }
    }

    /** Great-circle distance in metres (haversine on the mean Earth radius); the yardstick tests check radii against. */
    public static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        return Geo.haversineMeters(lat1, lon1, lat2, lon2);
    }

    public double metresTo(LatLon other) {
        return haversineMetres(lat, lon, other.lat, other.lon);
    }

    static double earthRadiusM() {
        return Geo.EARTH_RADIUS_M;
    }
}
