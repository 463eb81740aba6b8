package org.beatwise.ui.predict;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.alert.AlertService;
import org.beatwise.alert.PredictionCheck;
import org.beatwise.alert.Zone;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.features.Query;
import org.beatwise.geo.LatLon;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.model.ClassProbability;
import org.beatwise.model.Prediction;
import org.beatwise.settings.MapSettings;
import org.beatwise.store.AlertRecord;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;
import org.beatwise.ui.map.AreaLayer;
import org.beatwise.ui.map.HotspotLayers;
import org.beatwise.ui.map.MapCell;
import org.beatwise.ui.map.MapCircle;

/**
 * The prediction form: inputs with inline validation, the ranked probabilities for the chart, the
 * model's honest test figures, the nearest hotspot, and the alerts a prediction raises. Predictions
 * take microseconds, so they run as inputs change.
 */
public final class PredictViewModel {

    /** Bars shown before the rest is summed as "other". */
    public static final int BARS = 10;

    private final Session session;
    private final AlertService alerts;
    private final PredictSources sources;
    private final TaskTracker work;
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList();
    private final ObservableList<String> hotspotSetChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedModel = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedHotspotSet = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<MapCircle>> circles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<MapCell>> cells = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<double[][]> incidents = new ReadOnlyObjectWrapper<>(new double[0][]);
    private final StringProperty hour = new SimpleStringProperty("21");
    private final ObjectProperty<DayOfWeek> dayOfWeek = new SimpleObjectProperty<>(DayOfWeek.FRIDAY);
    private final StringProperty month = new SimpleStringProperty("7");
    private final StringProperty lat = new SimpleStringProperty("");
    private final StringProperty lon = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ModelChoice> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper("");
    // A place nobody has typed yet is not an error: it is said only once the user typed one or asked for a check.
    private boolean placeTouched;
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ClassProbability> bars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper honesty = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nearest = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Marker> marker = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper mapWarning = new ReadOnlyStringWrapper("");
    private List<Zone> zones = List.of();
    private String hotspotSet;
    private Consumer<List<AlertRecord>> onAlerts = a -> { };
    private Consumer<PlaceCheck> onPlaceChecked = c -> { };

    public PredictViewModel(Session session, AlertService alerts, PredictSources sources, TaskRunner tasks) {
        this.session = Objects.requireNonNull(session);
        this.alerts = Objects.requireNonNull(alerts);
        this.sources = Objects.requireNonNull(sources);
        this.work = new TaskTracker(tasks);
        date.addListener((o, a, d) -> {
            if (d != null) {
                dayOfWeek.set(d.getDayOfWeek());
                month.set(Integer.toString(d.getMonthValue()));
            }
        });
        selectedModel.addListener((o, a, name) -> loadModel(name));
        selectedHotspotSet.addListener((o, a, name) -> loadHotspotSet(name));
        // Typing re-predicts at once (no alerts for every keystroke: those come with a deliberate check).
        hour.addListener((o, a, b) -> predict(false));
        month.addListener((o, a, b) -> predict(false));
        dayOfWeek.addListener((o, a, b) -> predict(false));
        lat.addListener((o, a, b) -> placeTouched = true);
        lon.addListener((o, a, b) -> placeTouched = true);
    }

    /** Where a deliberate check or a map click put its marker, and what it predicted there. */
    public record Marker(double lat, double lon, Prediction prediction) { }

    /** The pane opens: the models and hotspot sets there are, with the first of each (the last used model) chosen. */
    public void open() {
        refreshChoices();
        if (!modelChoices.isEmpty()) {
            selectedModel.set(modelChoices.get(0));
        }
        if (!hotspotSetChoices.isEmpty()) {
            selectedHotspotSet.set(hotspotSetChoices.get(0));
        }
    }

    /**
     * The pane is shown again: models trained and hotspot sets saved in other panes appear, and a choice
     * that the new lists dropped (a combo box clears its value when its items are replaced) comes back
     * if it is still there.
     */
    public void onShown() {
        String m = selectedModel.get();
        String h = selectedHotspotSet.get();
        refreshChoices();
        if (m != null && selectedModel.get() == null && modelChoices.contains(m)) {
            selectedModel.set(m);
        }
        if (h != null && selectedHotspotSet.get() == null && hotspotSetChoices.contains(h)) {
            selectedHotspotSet.set(h);
        }
    }

    /**
     * The station's tile source: when it is a remote host, the pane says in one line that the map
     * reaches that host, so nobody takes the map for an offline one.
     */
    public void useMapSettings(MapSettings settings) {
        mapWarning.set(settings.remoteHost()
                .map(host -> "This map loads tiles from " + host + ": each pan or zoom reaches that host.")
                .orElse(""));
    }

    /** One line when the map reaches a remote tile host, else empty. */
    public ReadOnlyStringProperty mapWarningProperty() {
        return mapWarning.getReadOnlyProperty();
    }

    /** Who hears about newly raised alerts (the view opens a dialog and a notification). */
    public void setOnAlerts(Consumer<List<AlertRecord>> listener) {
        this.onAlerts = Objects.requireNonNull(listener);
    }

    /** Who hears about each deliberate check of a place (the place panel profiles it). */
    public void setOnPlaceChecked(Consumer<PlaceCheck> listener) {
        this.onPlaceChecked = Objects.requireNonNull(listener);
    }

    /**
     * Loads the chosen model off the UI thread (a large forest takes seconds), then shows its figures and
     * predicts for the current inputs. A model chosen meanwhile wins over one that finishes loading late.
     */
    private void loadModel(String name) {
        if (name == null) {
            showModel(null);
            return;
        }
        work.start(BackgroundTask.of("Loading model " + name, p -> sources.models().apply(name))
                .onSuccess(m -> {
                    if (name.equals(selectedModel.get())) {
                        showModel(m);
                    }
                })
                .onFailure(e -> inputError.set("Cannot load model '" + name + "': " + e.getMessage())));
    }

    private void showModel(ModelChoice m) {
        model.set(m);
        honesty.set(m == null ? "" : String.format(Locale.ROOT,
                "On held-out data this model's top-3 accuracy is %.1f %% (guessing the three most frequent classes: %.1f %%); "
                        + "its top-1 accuracy is %.1f %% (always the most frequent class: %.1f %%). "
                        + "A confidence is a probability, not a certainty.",
                100 * m.top3Accuracy(), 100 * m.priorTop3Accuracy(), 100 * m.accuracy(), 100 * m.majorityAccuracy()));
        if (m != null) {
            predict(false);
        }
    }

    /** Re-reads the models and hotspot sets there are (after training or saving elsewhere). */
    public void refreshChoices() {
        // Replaced only when different: replacing a combo box's items drops its selection.
        List<String> models = sources.modelNames().get();
        if (!models.equals(modelChoices)) {
            modelChoices.setAll(models);
        }
        List<String> sets = sources.hotspotSetNames().get();
        if (!sets.equals(hotspotSetChoices)) {
            hotspotSetChoices.setAll(sets);
        }
    }

    /**
     * Loads the hotspot set that the map draws and that proximity alerts refer to, with its dataset's
     * incidents for the density layer, off the UI thread (a dataset can hold hundreds of thousands).
     */
    private void loadHotspotSet(String name) {
        if (name == null) {
            showHotspotSet(null, null, new double[0][]);
            return;
        }
        work.start(BackgroundTask.of("Loading hotspot set " + name, p -> {
            HotspotResult result = sources.hotspotSets().apply(name);
            return new LoadedSet(result, result == null ? new double[0][] : sources.hotspotSetIncidents().apply(name));
        }).onSuccess(loaded -> {
            if (name.equals(selectedHotspotSet.get())) {
                showHotspotSet(name, loaded.result(), loaded.incidents());
            }
        }).onFailure(e -> inputError.set("Cannot load hotspot set '" + name + "': " + e.getMessage())));
    }

    private record LoadedSet(HotspotResult result, double[][] incidents) { }

    private void showHotspotSet(String name, HotspotResult result, double[][] points) {
        hotspotSet = result == null ? null : name;
        zones = result == null ? List.of() : result.hotspots().stream()
                .map(h -> new Zone("hotspot " + h.rank(), h.lat(), h.lon(), h.radiusM())).toList();
        circles.set(result == null ? List.of() : HotspotLayers.circles(result));
        cells.set(result == null ? List.of() : HotspotLayers.cells(result));
        incidents.set(result == null ? new double[0][] : points);
    }

    /** A click on the map: take its coordinates and predict there, raising alerts as the rules say. */
    public Prediction pick(double latitude, double longitude) {
        lat.set(String.format(Locale.ROOT, "%.6f", latitude));
        lon.set(String.format(Locale.ROOT, "%.6f", longitude));
        return predict(true);
    }

    /**
     * Predicts for the current inputs. Invalid input gives a message naming the field and no prediction.
     *
     * @param checkAlerts whether this is a deliberate check (not a keystroke): it runs the alert rules and
     *                    places a marker
     */
    public Prediction predict(boolean checkAlerts) {
        Query q;
        try {
            q = query();
        } catch (IllegalArgumentException e) {
            boolean untouched = !checkAlerts && !placeTouched && (isBlank(lat.get()) || isBlank(lon.get()));
            inputError.set(untouched ? "" : e.getMessage());
            clearOutput();
            return null;
        }
        inputError.set("");
        ModelChoice m = model.get();
        if (m == null) {
            inputError.set("Choose a model first (train one in Train & Evaluate).");
            clearOutput();
            return null;
        }
        Prediction p = m.predictor().apply(q);
        prediction.set(p);
        bars.setAll(topWithOther(p, BARS));
        summary.set(String.format(Locale.ROOT, "Most likely: %s (%.1f %%)", p.predicted(), 100 * p.confidence()));
        nearest.set(nearestText(q.lat(), q.lon()));
        if (checkAlerts) {
            marker.set(new Marker(q.lat(), q.lon(), p));
            List<AlertRecord> raised = alerts.check(session.username(),
                    new PredictionCheck(q.lat(), q.lon(), p.predicted(), p.confidence()), zones, m.name(), hotspotSet);
            if (!raised.isEmpty()) {
                onAlerts.accept(raised);
            }
            onPlaceChecked.accept(new PlaceCheck(m.name(), q));
        }
        return p;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private void clearOutput() {
        prediction.set(null);
        bars.clear();
        summary.set("");
        nearest.set("");
    }

    private Query query() {
        int h = integer("Hour", hour.get(), 0, 23);
        int mo = integer("Month", month.get(), 1, 12);
        double la = decimal("Latitude", lat.get(), -90, 90);
        double lo = decimal("Longitude", lon.get(), -180, 180);
        if (dayOfWeek.get() == null) {
            throw new IllegalArgumentException("Day of week is required.");
        }
        return new Query(h, dayOfWeek.get().getValue(), mo, la, lo);
    }

    private static int integer(String field, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text == null ? "" : text.strip());
            if (v < min || v > max) {
                throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + v + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number from " + min + " to " + max
                    + ", was '" + (text == null ? "" : text) + "'.");
        }
    }

    private static double decimal(String field, String text, double min, double max) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip());
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + v + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text == null || text.isBlank()
                    ? field + " is required: type it or click the map."
                    : field + " must be a number, was '" + text + "'.");
        }
    }

    /** The {@code n} most probable classes, then one "other" bar holding the rest. */
    static List<ClassProbability> topWithOther(Prediction p, int n) {
        List<ClassProbability> ranked = p.ranked();
        List<ClassProbability> out = new ArrayList<>(ranked.subList(0, Math.min(n, ranked.size())));
        double rest = 0;
        for (int i = n; i < ranked.size(); i++) {
            rest += ranked.get(i).probability();
        }
        if (ranked.size() > n) {
            out.add(new ClassProbability("other (" + (ranked.size() - n) + " classes)", rest));
        }
        return out;
    }

    private String nearestText(double la, double lo) {
        Zone best = null;
        double bestM = Double.MAX_VALUE;
        for (Zone z : zones) {
            double d = LatLon.haversineMetres(la, lo, z.lat(), z.lon());
            if (d < bestM) {
                bestM = d;
                best = z;
            }
        }
        if (best == null) {
            return "No hotspot set chosen.";
        }
        double edge = bestM - best.radiusMeters();
        return edge <= 0
                ? String.format(Locale.ROOT, "Inside %s (%.0f m from its centre).", best.label(), bestM)
                : String.format(Locale.ROOT, "Nearest hotspot: %s, %.0f m from its edge (%.0f m from its centre).",
                        best.label(), edge, bestM);
    }

    public StringProperty hourProperty() {
        return hour;
    }

    public ObjectProperty<DayOfWeek> dayOfWeekProperty() {
        return dayOfWeek;
    }

    public StringProperty monthProperty() {
        return month;
    }

    public StringProperty latProperty() {
        return lat;
    }

    public StringProperty lonProperty() {
        return lon;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ReadOnlyObjectProperty<ModelChoice> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    public ObservableList<ClassProbability> bars() {
        return bars;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty honestyProperty() {
        return honesty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nearestProperty() {
        return nearest.getReadOnlyProperty();
    }

    /** The base-map layers: the shipped district outlines and any boundary layers the station imported. */
    public List<AreaLayer> areaLayers() {
        return sources.areaLayers().get();
    }

    public ObservableList<String> modelChoices() {
        return modelChoices;
    }

    public ObservableList<String> hotspotSetChoices() {
        return hotspotSetChoices;
    }

    public ReadOnlyObjectProperty<List<MapCircle>> circlesProperty() {
        return circles.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<MapCell>> cellsProperty() {
        return cells.getReadOnlyProperty();
    }

    /** The hotspot set's incidents as [lat, lon] pairs, for the density layer. */
    public ReadOnlyObjectProperty<double[][]> incidentsProperty() {
        return incidents.getReadOnlyProperty();
    }

    /** The model chosen in the form, by name; choosing one loads it in the background. */
    public ObjectProperty<String> selectedModelProperty() {
        return selectedModel;
    }

    /** The hotspot set chosen in the form, by name; choosing one loads it in the background. */
    public ObjectProperty<String> selectedHotspotSetProperty() {
        return selectedHotspotSet;
    }

    /** The newest marker: set by every deliberate check and map click that predicts. */
    public ReadOnlyObjectProperty<Marker> markerProperty() {
        return marker.getReadOnlyProperty();
    }

    /** True while a model or a hotspot set loads. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return work.runningProperty();
    }
}
