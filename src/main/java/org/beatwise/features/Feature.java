package org.beatwise.features;

/** One numeric input of the model; {@link #key()} is the attribute name stored in model bundles. */
public enum Feature {
    HOUR("hour"),
    DAY_OF_WEEK("day_of_week"),
    MONTH("month"),
    LAT("lat"),
    LON("lon");

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public double value(Query q) {
        return switch (this) {
            case HOUR -> q.hour();
            case DAY_OF_WEEK -> q.dayOfWeek();
            case MONTH -> q.month();
            case LAT -> q.lat();
            case LON -> q.lon();
        };
    }
}
