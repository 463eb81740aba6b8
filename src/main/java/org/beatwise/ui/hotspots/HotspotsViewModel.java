package org.beatwise.ui.hotspots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.hotspot.Backtest;
import org.beatwise.hotspot.ElbowPoint;
import org.beatwise.hotspot.ElbowResult;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.HourRange;
import org.beatwise.hotspot.IncidentFilter;
import org.beatwise.hotspot.OffenceShare;
import org.beatwise.hotspot.RadiusRule;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;
import org.beatwise.ui.map.Html;
import org.beatwise.ui.map.MapCell;
import org.beatwise.ui.map.MapCircle;

/**
 * The Hotspots pane: dataset, filters, k and restarts; run with progress and cancel; the elbow curve
 * with its knee; the hotspots; the future-period evaluation, K-Means beside the grid; save as a named set.
 * Inputs are text so a wrong value gets a message naming the field instead of being silently dropped.
 */
public final class HotspotsViewModel {

    private final HotspotService hotspots;
    private final Supplier<List<String>> datasetNames;
    private final Session session;

    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final StringProperty dataset = new SimpleStringProperty();
    private final StringProperty k = new SimpleStringProperty("10");
    private final StringProperty restarts = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("42");
    private final BooleanProperty fixedRadius = new SimpleBooleanProperty(false);
    private final StringProperty radiusShare = new SimpleStringProperty("0.8");
    private final StringProperty radiusMetres = new SimpleStringProperty("250");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty offences = new SimpleStringProperty("");
    private final Map<DayOfWeek, BooleanProperty> days = new EnumMap<>(DayOfWeek.class);
    private final StringProperty hours = new SimpleStringProperty("0-23");
    private final ObjectProperty<LocalDate> testFrom = new SimpleObjectProperty<>();
    private final StringProperty cellSize = new SimpleStringProperty("150");
    private final StringProperty kMax = new SimpleStringProperty("20");
    private final StringProperty setName = new SimpleStringProperty("");

    private final ObservableList<Hotspot> hotspotRows = FXCollections.observableArrayList();
    private final ObservableList<ElbowPoint> elbowPoints = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper knee = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<HotspotResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskTracker work;

    private final BooleanBinding canRun;
    private final BooleanBinding canSave;

    public HotspotsViewModel(HotspotService hotspots, Supplier<List<String>> datasetNames, Session session, TaskRunner tasks) {
        this.hotspots = Objects.requireNonNull(hotspots);
        this.datasetNames = Objects.requireNonNull(datasetNames);
        this.session = Objects.requireNonNull(session);
        this.work = new TaskTracker(tasks);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, new SimpleBooleanProperty(false));
        }
        canRun = Bindings.createBooleanBinding(() -> !work.isRunning() && dataset.get() != null && !dataset.get().isBlank(),
                work.runningProperty(), dataset);
        canSave = Bindings.createBooleanBinding(() -> !work.isRunning() && result.get() != null
                && setName.get() != null && !setName.get().isBlank(), work.runningProperty(), result, setName);
        refreshDatasets();
    }

    public void refreshDatasets() {
        datasets.setAll(datasetNames.get());
        if (dataset.get() == null && !datasets.isEmpty()) {
            dataset.set(datasets.get(0));
        }
    }

    /** The settings the form describes; throws IllegalArgumentException naming the field that is wrong. */
    public HotspotSettings settings() {
        RadiusRule radius = fixedRadius.get()
                ? new RadiusRule.Fixed(number("Radius (m)", radiusMetres.get()))
                : new RadiusRule.Share(number("Radius share", radiusShare.get()));
        Set<String> offenceSet = Arrays.stream(offences.get() == null ? new String[0] : offences.get().split("[,\\n]"))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Set<DayOfWeek> daySet = EnumSet.noneOf(DayOfWeek.class);
        days.forEach((d, on) -> {
            if (on.get()) {
                daySet.add(d);
            }
        });
        String hourText = hours.get() == null || hours.get().isBlank() ? "0-23" : hours.get();
        IncidentFilter filter = new IncidentFilter(from.get(), to.get(), 0, offenceSet, daySet, HourRange.parse(hourText));
        Backtest backtest = new Backtest(testFrom.get(), 0.2, number("Grid cell (m)", cellSize.get()));
        return new HotspotSettings(whole("k", k.get()), whole("Restarts", restarts.get()), whole("Seed", seed.get()),
                radius, filter, backtest);
    }

    /** Finds the hotspots and evaluates them on the future period, in the background. */
    public void run() {
        HotspotSettings s = checkedSettings();
        if (s == null || !canRun.get()) {
            return;
        }
        String name = dataset.get();
        start(BackgroundTask.of("Finding hotspots", p -> hotspots.run(session.username(), name, s, p))
                .onSuccess(this::show));
    }

    /** SSE for k = 2 … kMax with the knee, in the background. */
    public void elbow() {
        HotspotSettings s = checkedSettings();
        if (s == null || !canRun.get()) {
            return;
        }
        int max;
        try {
            max = whole("Elbow up to k", kMax.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        String name = dataset.get();
        start(BackgroundTask.of("Elbow curve", p -> hotspots.elbow(name, s, HotspotSettings.MIN_K, max, p))
                .onSuccess(this::showElbow));
    }

    public void cancel() {
        work.cancel();
    }

    /** Saves the shown result under the typed name. */
    public boolean save() {
        if (!canSave.get()) {
            return false;
        }
        try {
            String saved = hotspots.save(session.username(), setName.get(), dataset.get(), result.get()).name();
            message.set("Saved as hotspot set '" + saved + "'.");
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    private HotspotSettings checkedSettings() {
        try {
            return settings();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return null;
        }
    }

    private <T> void start(BackgroundTask<T> task) {
        message.set("");
        work.start(task.onFailure(e -> message.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .onCancelled(() -> message.set("Cancelled.")));
    }

    private void show(HotspotResult r) {
        result.set(r);
        hotspotRows.setAll(r.hotspots());
        evaluation.set(r.evaluation());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d hotspots from %,d incidents, SSE %.3e m².",
                r.hotspots().size(), r.rowsUsed(), r.sse()));
        Evaluation e = r.evaluation();
        if (e != null) {
            sb.append(String.format(Locale.ROOT, " Evaluation: trained on %,d incidents before %s, tested on %,d after.",
                    e.trainCount(), e.testFrom().toLocalDate(), e.testCount()));
        }
        r.notes().forEach(n -> sb.append(' ').append(n).append('.'));
        summary.set(sb.toString());
    }

    private void showElbow(ElbowResult e) {
        knee.set(e.kneeK()); // first: the chart reads the knee when the points change
        elbowPoints.setAll(e.points());
        message.set("Elbow: the knee is at k = " + e.kneeK() + ".");
    }

    /** The hotspots as map circles with popups (count, top offences, busiest hours). */
    public List<MapCircle> mapCircles() {
        return hotspotRows.stream().map(h -> new MapCircle(h.lat(), h.lon(), h.radiusM(), popup(h))).toList();
    }

    /** The grid baseline's cells for the map's grid layer. */
    public List<MapCell> mapCells() {
        Evaluation e = evaluation.get();
        if (e == null) {
            return List.of();
        }
        return e.gridCells().stream().map(c -> new MapCell(c.south(), c.west(), c.north(), c.east(),
                "Grid cell " + c.rank() + ": " + c.trainCount() + " training, " + c.testCount() + " test incidents")).toList();
    }

    static String popup(Hotspot h) {
        StringBuilder sb = new StringBuilder("<b>Hotspot ").append(h.rank()).append("</b><br>")
                .append(String.format(Locale.ROOT, "%,d incidents (%.1f %%), radius %.0f m", h.count(), 100 * h.share(), h.radiusM()));
        for (OffenceShare o : h.topOffences()) {
            sb.append("<br>").append(Html.escape(o.offence())).append(String.format(Locale.ROOT, " %.0f %%", 100 * o.share()));
        }
        sb.append("<br>Busiest hours: ").append(hoursText(h.busiestHours(3)));
        return sb.toString();
    }

    static String hoursText(List<Integer> hours) {
        return hours.stream().map(x -> String.format(Locale.ROOT, "%02d:00", x)).collect(Collectors.joining(", "));
    }

    private static int whole(String field, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, was '" + text + "'");
        }
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, was '" + text + "'");
        }
    }

    public ObservableList<String> datasets() { return datasets; }
    public StringProperty datasetProperty() { return dataset; }
    public StringProperty kProperty() { return k; }
    public StringProperty restartsProperty() { return restarts; }
    public StringProperty seedProperty() { return seed; }
    public BooleanProperty fixedRadiusProperty() { return fixedRadius; }
    public StringProperty radiusShareProperty() { return radiusShare; }
    public StringProperty radiusMetresProperty() { return radiusMetres; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public StringProperty offencesProperty() { return offences; }
    public BooleanProperty dayProperty(DayOfWeek day) { return days.get(day); }
    public StringProperty hoursProperty() { return hours; }
    public ObjectProperty<LocalDate> testFromProperty() { return testFrom; }
    public StringProperty cellSizeProperty() { return cellSize; }
    public StringProperty kMaxProperty() { return kMax; }
    public StringProperty setNameProperty() { return setName; }
    public ObservableList<Hotspot> hotspots() { return hotspotRows; }
    public ObservableList<ElbowPoint> elbowPoints() { return elbowPoints; }
    public ReadOnlyIntegerProperty kneeProperty() { return knee.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() { return evaluation.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return work.runningProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return work.progressProperty(); }
    public ReadOnlyStringProperty progressMessageProperty() { return work.messageProperty(); }
    public BooleanBinding canRunProperty() { return canRun; }
    public BooleanBinding canSaveProperty() { return canSave; }
}
