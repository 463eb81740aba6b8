package org.beatwise.importing;

/**
 * Why a row was not kept. Checked in this order, and a row counts under the first reason that applies:
 * a row with no coordinates and no date is "missing coordinates".
 */
public enum DropReason {
    MALFORMED_ROW("malformed_row", "wrong number of fields"),
    MISSING_COORDINATES("missing_coordinates", "latitude or longitude missing"),
    BAD_COORDINATES("bad_coordinates", "latitude or longitude not a number"),
    PLACEHOLDER_COORDINATES("placeholder_coordinates", "placeholder coordinates (-1,-1) or (0,0)"),
    OUT_OF_RANGE("out_of_range", "coordinates out of range"),
    OUTSIDE_BBOX("outside_bbox", "outside the study area"),
    MISSING_OFFENSE("missing_offense", "offence missing"),
    MISSING_DATE("missing_date", "date missing"),
    BAD_DATE("bad_date", "date not parseable"),
    DUPLICATE("duplicate", "duplicate record");

    private final String key;
    private final String label;

    DropReason(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Stable snake_case name for JSON and storage. */
    public String key() {
        return key;
    }

    /** Short English description for reports. */
    public String label() {
        return label;
    }

    public static DropReason ofKey(String key) {
        for (DropReason r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown drop reason '" + key + "'");
    }
}
