package org.beatwise.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The incident fields a CSV column can be mapped to; {@link #key()} is the name used on the command line. */
public enum Field {
    ID("id"),
    DATETIME("datetime"),
    DATE("date"),
    TIME("time"),
    OFFENSE("offense"),
    OFFENSE_CODE("offense_code"),
    OFFENSE_GROUP("offense_group"),
    DISTRICT("district"),
    LAT("lat"),
    LON("lon"),
    STREET("street"),
    REPORTING_AREA("reporting_area"),
    SHOOTING("shooting"),
    UCR_PART("ucr_part");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The field named {@code key} (case-insensitive); the message lists the valid keys. */
    public static Field ofKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f.key.equals(k)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + key + "'; fields are " + allKeys());
    }

    public static String allKeys() {
        return Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", "));
    }
}
