package org.beatwise.ui.alerts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.alert.AlertRule;
import org.beatwise.alert.AlertService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.settings.AlertSettings;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.AlertRecord;

/** The Alerts pane: the stored alerts with filters, and the station's alert settings. */
public final class AlertsViewModel {

    private final AlertService alerts;
    private final StationSettingsService stationSettings;
    private final Session session;
    private final ObservableList<AlertRecord> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AlertRule> ruleFilter = new SimpleObjectProperty<>();
    private final StringProperty userFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> sinceFilter = new SimpleObjectProperty<>();
    private final StringProperty threshold = new SimpleStringProperty();
    private final StringProperty proximity = new SimpleStringProperty();
    private final StringProperty highRisk = new SimpleStringProperty();
    private final StringProperty station = new SimpleStringProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AlertsViewModel(AlertService alerts, StationSettingsService stationSettings, Session session) {
        this.alerts = Objects.requireNonNull(alerts);
        this.stationSettings = Objects.requireNonNull(stationSettings);
        this.session = Objects.requireNonNull(session);
        loadSettings();
        refresh();
    }

    public void refresh() {
        String user = userFilter.get() == null || userFilter.get().isBlank() ? null : userFilter.get().strip();
        LocalDate since = sinceFilter.get();
        rows.setAll(alerts.list(ruleFilter.get(), user,
                since == null ? null : since.atStartOfDay(ZoneId.systemDefault()).toInstant(), 1000));
    }

    private void loadSettings() {
        AlertSettings s = stationSettings.alerts();
        threshold.set(Double.toString(s.confidenceThreshold()));
        proximity.set(String.format(java.util.Locale.ROOT, "%.0f", s.proximityMeters()));
        highRisk.set(String.join("\n", new java.util.TreeSet<>(s.highRiskClasses())));
        station.set(s.hasStation() ? s.stationLat() + ", " + s.stationLon() : "");
    }

    /** Only an administrator changes the station's alert rules; analysts see them. */
    public boolean canChangeSettings() {
        return session.isAdmin();
    }

    /** Validates and stores the settings; the message names the field that is wrong. */
    public boolean saveSettings() {
        try {
            AlertSettings current = stationSettings.alerts();
            double t = parse("Confidence threshold", threshold.get());
            double p = parse("Proximity distance", proximity.get());
            Set<String> classes = Arrays.stream(highRisk.get().split("\\R")).map(String::strip)
                    .filter(x -> !x.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
            Double lat = null;
            Double lon = null;
            if (station.get() != null && !station.get().isBlank()) {
                String[] parts = station.get().split(",");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("Station location must be 'latitude, longitude', was '" + station.get() + "'");
                }
                lat = parse("Station latitude", parts[0]);
                lon = parse("Station longitude", parts[1]);
            }
            stationSettings.updateAlerts(session.actor(),
                    new AlertSettings(t, classes, p, lat, lon, current.repeatMinutes()));
            message.set("Alert settings saved.");
            return true;
        } catch (IllegalArgumentException | NotAllowedException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    private static double parse(String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(field + " must be a number, was '" + text + "'");
        }
    }

    public ObservableList<AlertRecord> rows() {
        return rows;
    }

    public ObjectProperty<AlertRule> ruleFilterProperty() {
        return ruleFilter;
    }

    public StringProperty userFilterProperty() {
        return userFilter;
    }

    public ObjectProperty<LocalDate> sinceFilterProperty() {
        return sinceFilter;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty proximityProperty() {
        return proximity;
    }

    public StringProperty highRiskProperty() {
        return highRisk;
    }

    public StringProperty stationProperty() {
        return station;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
