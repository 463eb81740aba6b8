package org.beatwise.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.geo.LatLon;
import org.beatwise.settings.AlertSettings;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.AlertRecord;
import org.beatwise.store.AlertStore;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;

/**
 * Evaluates the alert rules for a prediction, stores what fires, and keeps quiet about a rule that
 * already fired for the same place within the repeat window.
 */
public final class AlertService {

    /** Two checks closer than this count as the same place for repeat suppression. */
    static final double SAME_PLACE_M = 50;

    private final AlertStore alerts;
    private final AuditStore audit;
    private final StationSettingsService stationSettings;
    private final Clock clock;

    public AlertService(AlertStore alerts, AuditStore audit, StationSettingsService stationSettings, Clock clock) {
        this.alerts = alerts;
        this.audit = audit;
        this.stationSettings = stationSettings;
        this.clock = clock;
    }

    /**
     * Checks a prediction and records the alerts it raises.
     *
     * @return the alerts newly raised (repeats within the window are left out)
     */
    public List<AlertRecord> check(String username, PredictionCheck check, List<Zone> zones, String modelName,
                                   String hotspotSet) {
        AlertSettings settings = stationSettings.alerts();
        Instant now = clock.instant();
        List<AlertRecord> raised = new ArrayList<>();
        for (Finding f : AlertRules.evaluate(check, zones, settings)) {
            if (isRepeat(username, f, now.minus(Duration.ofMinutes(settings.repeatMinutes())))) {
                continue;
            }
            AlertRecord stored = alerts.insert(new AlertRecord(0, now, username, f.rule().name(), f.lat(), f.lon(),
                    f.detail(), modelName, hotspotSet));
            audit.record(username, AuditEvent.ALERT, f.rule() + ": " + f.detail());
            raised.add(stored);
        }
        return raised;
    }

    private boolean isRepeat(String username, Finding f, Instant since) {
        return alerts.find(f.rule().name(), username, since, 100).stream()
                .anyMatch(a -> LatLon.haversineMetres(a.lat(), a.lon(), f.lat(), f.lon()) < SAME_PLACE_M);
    }

    /** Stored alerts, newest first; null filters match everything. */
    public List<AlertRecord> list(AlertRule rule, String username, Instant since, int limit) {
        return alerts.find(rule == null ? null : rule.name(), username, since, limit);
    }
}
