package org.beatwise.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.beatwise.geo.LatLon;
import org.beatwise.settings.AlertSettings;

/** The alert rules themselves: pure functions of a check, the hotspots and the settings. */
public final class AlertRules {

    private AlertRules() { }

    public static List<Finding> evaluate(PredictionCheck check, List<Zone> zones, AlertSettings settings) {
        List<Finding> found = new ArrayList<>();
        if (check.predictedClass() != null && check.confidence() >= settings.confidenceThreshold()) {
            found.add(new Finding(AlertRule.HIGH_CONFIDENCE, check.lat(), check.lon(), String.format(Locale.ROOT,
                    "'%s' predicted with confidence %.2f (threshold %.2f)", check.predictedClass(), check.confidence(),
                    settings.confidenceThreshold())));
        }
        if (check.predictedClass() != null && settings.highRiskClasses().contains(check.predictedClass())) {
            found.add(new Finding(AlertRule.HIGH_RISK_CLASS, check.lat(), check.lon(), String.format(Locale.ROOT,
                    "'%s' is marked high-risk (confidence %.2f)", check.predictedClass(), check.confidence())));
        }
        proximity("checked place", check.lat(), check.lon(), zones, settings).ifPresent(found::add);
        if (settings.hasStation()) {
            proximity("station", settings.stationLat(), settings.stationLon(), zones, settings).ifPresent(found::add);
        }
        return found;
    }

    /** The nearest zone within the proximity distance of its edge, if any. */
    static java.util.Optional<Finding> proximity(String what, double lat, double lon, List<Zone> zones, AlertSettings s) {
        Zone nearest = null;
        double best = Double.MAX_VALUE;
        for (Zone z : zones) {
            double toEdge = Math.max(0, LatLon.haversineMetres(lat, lon, z.lat(), z.lon()) - z.radiusMeters());
            if (toEdge < best) {
                best = toEdge;
                nearest = z;
            }
        }
        if (nearest == null || best > s.proximityMeters()) {
            return java.util.Optional.empty();
        }
        String where = best == 0 ? "inside " + nearest.label()
                : String.format(Locale.ROOT, "%.0f m from the edge of %s", best, nearest.label());
        return java.util.Optional.of(new Finding(AlertRule.PROXIMITY, lat, lon, String.format(Locale.ROOT,
                "The %s is %s (limit %.0f m)", what, where, s.proximityMeters())));
    }
}
