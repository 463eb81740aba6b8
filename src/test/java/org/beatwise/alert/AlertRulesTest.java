package org.beatwise.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.beatwise.geo.LatLon;
import org.beatwise.settings.AlertSettings;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    // About 111 m per 0.001° of latitude.
    private static final Zone ZONE = new Zone("hotspot 1", 42.30, -71.08, 200);

    private static List<AlertRule> rules(PredictionCheck c, AlertSettings s) {
        return AlertRules.evaluate(c, List.of(ZONE), s).stream().map(Finding::rule).toList();
    }

    @Test
    void confidenceAtOrAboveTheThresholdAlerts() {
        AlertSettings s = AlertSettings.defaults();
        PredictionCheck far = new PredictionCheck(42.40, -71.08, "LARCENY", 0.70);
        assertEquals(List.of(AlertRule.HIGH_CONFIDENCE), rules(far, s));
        assertEquals(List.of(), rules(new PredictionCheck(42.40, -71.08, "LARCENY", 0.69), s));
        assertEquals(List.of(AlertRule.HIGH_CONFIDENCE),
                rules(new PredictionCheck(42.40, -71.08, "LARCENY", 0.5), s.withConfidenceThreshold(0.5)));
    }

    @Test
    void highRiskClassAlertsWhateverTheConfidence() {
        AlertSettings s = new AlertSettings(0.7, Set.of("ROBBERY - STREET"), 250, null, null, 5);
        assertEquals(List.of(AlertRule.HIGH_RISK_CLASS), rules(new PredictionCheck(42.40, -71.08, "ROBBERY - STREET", 0.12), s));
    }

    @Test
    void proximityCountsFromTheHotspotsEdge() {
        AlertSettings s = AlertSettings.defaults(); // 250 m
        // 0.004° north ≈ 445 m from the centre ≈ 245 m from a 200 m circle's edge: near.
        double near = 42.30 + 0.004;
        assertTrue(LatLon.haversineMetres(near, -71.08, 42.30, -71.08) - 200 < 250);
        List<Finding> f = AlertRules.evaluate(new PredictionCheck(near, -71.08, "X", 0.1), List.of(ZONE), s);
        assertEquals(List.of(AlertRule.PROXIMITY), f.stream().map(Finding::rule).toList());
        assertTrue(f.get(0).detail().contains("from the edge of hotspot 1"), f.get(0).detail());
        // 0.0042° ≈ 467 m from the centre ≈ 267 m from the edge: not near.
        assertEquals(List.of(), rules(new PredictionCheck(42.30 + 0.0042, -71.08, "X", 0.1), s));
        assertTrue(AlertRules.evaluate(new PredictionCheck(42.30, -71.08, "X", 0.1), List.of(ZONE), s).get(0)
                .detail().contains("inside hotspot 1"));
    }

    @Test
    void stationLocationIsCheckedToo() {
        AlertSettings s = new AlertSettings(0.7, Set.of(), 250, 42.30, -71.08, 5);
        List<Finding> f = AlertRules.evaluate(new PredictionCheck(42.50, -71.08, "X", 0.1), List.of(ZONE), s);
        assertEquals(1, f.size());
        assertTrue(f.get(0).detail().startsWith("The station is inside"), f.get(0).detail());
    }

    @Test
    void settingsAreValidatedAndRoundTrip() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlertSettings(1.5, Set.of(), 250, null, null, 5));
        assertEquals("confidenceThreshold must be above 0 and at most 1, was 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AlertSettings(0.7, Set.of(), 250, 42.0, null, 5));
        AlertSettings s = new AlertSettings(0.55, Set.of("A, B", "C"), 300, 42.3, -71.1, 3);
        assertEquals(s, AlertSettings.of(s.toProperties()));
        assertEquals(AlertSettings.defaults(), AlertSettings.of(java.util.Map.of()));
    }
}
