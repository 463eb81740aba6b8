package org.beatwise.export;

/**
 * What a shift briefing covers.
 *
 * @param dataset the dataset the hotspot set was made from
 * @param hotspotSet the saved hotspot set to brief on
 * @param model a saved crime-type model whose held-out figures to include, or null for none
 * @param station the station's name as it heads every page (default {@value #DEFAULT_STATION})
 */
public record BriefingRequest(String dataset, String hotspotSet, String model, String station) {

    public static final String DEFAULT_STATION = "Beatwise station";
    static final int MAX_TEXT = 120;

    public BriefingRequest {
        dataset = required("dataset", dataset);
        hotspotSet = required("hotspotSet", hotspotSet);
        model = model == null || model.isBlank() ? null : model.strip();
        station = station == null || station.isBlank() ? DEFAULT_STATION : station.strip();
        if (station.length() > MAX_TEXT) {
            throw new IllegalArgumentException("station must be at most " + MAX_TEXT + " characters, was " + station.length());
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be named, was empty");
        }
        return value.strip();
    }
}
