package org.beatwise.settings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When Beatwise raises an alert. Validated on construction; messages name the field and the value.
 *
 * @param confidenceThreshold a prediction whose top class reaches this confidence alerts (0–1)
 * @param highRiskClasses predicted classes that always alert
 * @param proximityMeters distance from a hotspot's edge that counts as near
 * @param stationLat the station's own latitude, or null (air-gapped stations have no geolocation)
 * @param stationLon the station's own longitude, or null
 * @param repeatMinutes the same rule at the same place is not raised again within this time
 */
public record AlertSettings(double confidenceThreshold, Set<String> highRiskClasses, double proximityMeters,
                            Double stationLat, Double stationLon, int repeatMinutes) {

    public static final String PREFIX = "alert.";
    private static final String SEPARATOR = "|";

    public AlertSettings {
        if (!(confidenceThreshold > 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("confidenceThreshold must be above 0 and at most 1, was " + confidenceThreshold);
        }
        if (!(proximityMeters >= 0 && proximityMeters <= 50_000)) {
            throw new IllegalArgumentException("proximityMeters must be between 0 and 50000, was " + proximityMeters);
        }
        if ((stationLat == null) != (stationLon == null)) {
            throw new IllegalArgumentException("stationLat and stationLon must be given together");
        }
        if (stationLat != null && (Math.abs(stationLat) > 90 || Math.abs(stationLon) > 180)) {
            throw new IllegalArgumentException("station location out of range: " + stationLat + ", " + stationLon);
        }
        if (repeatMinutes < 0 || repeatMinutes > 24 * 60) {
            throw new IllegalArgumentException("repeatMinutes must be between 0 and 1440, was " + repeatMinutes);
        }
        highRiskClasses = Set.copyOf(highRiskClasses);
    }

    public static AlertSettings defaults() {
        return new AlertSettings(0.70, Set.of(), 250, null, null, 5);
    }

    public boolean hasStation() {
        return stationLat != null;
    }

    public AlertSettings withConfidenceThreshold(double threshold) {
        return new AlertSettings(threshold, highRiskClasses, proximityMeters, stationLat, stationLon, repeatMinutes);
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "confidence_threshold", Double.toString(confidenceThreshold));
        p.put(PREFIX + "high_risk_classes", String.join(SEPARATOR, new java.util.TreeSet<>(highRiskClasses)));
        p.put(PREFIX + "proximity_m", Double.toString(proximityMeters));
        p.put(PREFIX + "station_lat", stationLat == null ? "" : stationLat.toString());
        p.put(PREFIX + "station_lon", stationLon == null ? "" : stationLon.toString());
        p.put(PREFIX + "repeat_minutes", Integer.toString(repeatMinutes));
        return p;
    }

    /** Reads the settings, taking the default for every missing key. */
    public static AlertSettings of(Map<String, String> p) {
        AlertSettings d = defaults();
        FlatKeys keys = new FlatKeys(p, PREFIX);
        Set<String> risk = Arrays.stream(keys.getString("high_risk_classes", "").split("\\" + SEPARATOR))
                .map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new AlertSettings(
                keys.getDouble("confidence_threshold", d.confidenceThreshold),
                risk,
                keys.getDouble("proximity_m", d.proximityMeters),
                keys.getOptionalDouble("station_lat"),
                keys.getOptionalDouble("station_lon"),
                keys.getInt("repeat_minutes", d.repeatMinutes));
    }
}
