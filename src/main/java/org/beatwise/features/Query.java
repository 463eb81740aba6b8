package org.beatwise.features;

import org.beatwise.domain.Incident;

/**
 * What the model sees of one incident: when (hour, ISO day of week, month) and where (WGS84 degrees).
 * Training rows and prediction requests both go through this record, so the two can never disagree
 * about how a feature is computed.
 *
 * @param dayOfWeek 1 (Monday) … 7 (Sunday)
 */
public record Query(int hour, int dayOfWeek, int month, double lat, double lon) {

    public Query {
        check("hour", hour, 0, 23);
        check("dayOfWeek", dayOfWeek, 1, 7);
        check("month", month, 1, 12);
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be between -90 and 90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be between -180 and 180, was " + lon);
        }
    }

    public static Query of(Incident incident) {
        return new Query(incident.hour(), incident.dayOfWeek(), incident.month(), incident.lat(), incident.lon());
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
