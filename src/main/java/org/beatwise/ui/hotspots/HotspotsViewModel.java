package org.beatwise.ui.hotspots;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
import org.beatwise.hotspot.DistrictHitRate;
import org.beatwise.hotspot.ElbowPoint;
import org.beatwise.hotspot.ElbowResult;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.HourRange;
import org.beatwise.hotspot.IncidentFilter;
import org.beatwise.hotspot.Kernel;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.MethodScore;
import org.beatwise.hotspot.MethodSummary;
import org.beatwise.hotspot.PaiCurve;
import org.beatwise.hotspot.RadiusRule;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;
import org.beatwise.ui.map.AreaLayer;
import org.beatwise.ui.map.HotspotLayers;
import org.beatwise.ui.map.MapArea;
import org.beatwise.ui.map.MapCell;
import org.beatwise.ui.map.MapCircle;

/**
 * The Hotspots pane: dataset, method, filters, k and restarts, the backtest's windows; run with progress
 * and cancel; the method comparison (the chosen method marked, K-Means always beside it) and its PAI
 * curves; the chosen layer for the map; the elbow curve with its knee; save as a named set. Inputs are
 * text so a wrong value gets a message naming the field instead of being silently dropped.
 */
public final class HotspotsViewModel {

    private final HotspotService hotspots;
    private final Supplier<List<String>> datasetNames;
    private final Session session;
    private final Supplier<List<AreaLayer>> areaLayers;

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
    private final ObjectProperty<MethodChoice> method = new SimpleObjectProperty<>(MethodChoice.AUTO);
    private final ReadOnlyStringWrapper methodExplanation = new ReadOnlyStringWrapper();
    private final StringProperty windows = new SimpleStringProperty("1");
    private final StringProperty windowDays = new SimpleStringProperty("30");
    private final StringProperty halfLifeDays = new SimpleStringProperty("");
    private final ObjectProperty<Kernel> kernel = new SimpleObjectProperty<>(Kernel.GAUSSIAN);
    private final StringProperty bandwidths = new SimpleStringProperty(HotspotSettings.DEFAULT_BANDWIDTHS.stream()
            .map(b -> String.format(Locale.ROOT, "%.0f", b)).collect(Collectors.joining(", ")));
    private final StringProperty giBand = new SimpleStringProperty(Double.toString(HotspotSettings.DEFAULT_GI_BAND_CELLS));
    private final BooleanBinding kdeInputsShown;
    private final BooleanBinding giInputsShown;
    private final BooleanProperty compare = new SimpleBooleanProperty(false);
    private final StringProperty setName = new SimpleStringProperty("");

    private final ObservableList<Hotspot> hotspotRows = FXCollections.observableArrayList();
    private final ObservableList<HotCell> cellRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper cellsShown = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ElbowPoint> elbowPoints = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper knee = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<HotspotResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<MethodRow> comparison = FXCollections.observableArrayList();
    private final ObservableList<CurveSeries> curves = FXCollections.observableArrayList();
    private final ObservableList<DistrictRow> districtRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper districtCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chosenText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mapLegend = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper curveAxisMax = new ReadOnlyDoubleWrapper(5);
    private final ReadOnlyStringWrapper curveNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskTracker work;

    private final BooleanBinding canRun;
    private final BooleanBinding canSave;

    /** A pane without base-map layers (tests that need no districts). */
    public HotspotsViewModel(HotspotService hotspots, Supplier<List<String>> datasetNames, Session session, TaskRunner tasks) {
        this(hotspots, datasetNames, session, tasks, List::of);
    }

    /** @param areaLayers the district outlines and imported boundaries the map preview draws under the hotspots */
    public HotspotsViewModel(HotspotService hotspots, Supplier<List<String>> datasetNames, Session session, TaskRunner tasks,
                             Supplier<List<AreaLayer>> areaLayers) {
        this.hotspots = Objects.requireNonNull(hotspots);
        this.datasetNames = Objects.requireNonNull(datasetNames);
        this.session = Objects.requireNonNull(session);
        this.areaLayers = Objects.requireNonNull(areaLayers);
        this.work = new TaskTracker(tasks);
        methodExplanation.bind(Bindings.createStringBinding(() -> method.get() == null ? ""
                : method.get().explanation().substring(0, 1).toUpperCase(Locale.ROOT) + method.get().explanation().substring(1)
                        + ".", method));
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, new SimpleBooleanProperty(false));
        }
        // a method's own inputs show when it runs or when every method is compared
        kdeInputsShown = Bindings.createBooleanBinding(() -> method.get() == MethodChoice.KDE || compare.get(), method, compare);
        giInputsShown = Bindings.createBooleanBinding(() -> method.get() == MethodChoice.GISTAR || compare.get(), method,
                compare);
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
        int windowCount = whole("Windows", windows.get());
        within("Windows", windowCount, 1, Backtest.MAX_WINDOWS);
        int days = whole("Window days", windowDays.get());
        within("Window days", days, 1, 366);
        if (testFrom.get() != null && windowCount > 1) {
            throw new IllegalArgumentException("Windows must be 1 when Test from is set, was " + windowCount
                    + ": clear Test from to judge on rolling windows");
        }
        Double halfLife = null;
        if (halfLifeDays.get() != null && !halfLifeDays.get().isBlank()) {
            halfLife = number("Half-life (days)", halfLifeDays.get());
            if (!(halfLife > 0 && halfLife <= 36_500)) {
                throw new IllegalArgumentException("Half-life (days) must be between 0 and 36500 (leave it empty to weigh "
                        + "every incident the same), was '" + halfLifeDays.get().strip() + "'");
            }
        }
        Backtest backtest = new Backtest(testFrom.get(), 0.2, number("Grid cell (m)", cellSize.get()), windowCount, days);
        HotspotSettings d = HotspotSettings.defaults();
        List<Double> bandwidthList = bandwidthsM();
        double band = number("Gi* band (cells)", giBand.get());
        if (!(band >= HotspotSettings.MIN_GI_BAND_CELLS && band <= HotspotSettings.MAX_GI_BAND_CELLS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Gi* band (cells) must be between %.0f and %.0f,"
                    + " was '%s'", HotspotSettings.MIN_GI_BAND_CELLS, HotspotSettings.MAX_GI_BAND_CELLS, giBand.get().strip()));
        }
        return new HotspotSettings(whole("k", k.get()), whole("Restarts", restarts.get()), whole("Seed", seed.get()),
                radius, filter, backtest, method.get() == null ? MethodChoice.AUTO : method.get(),
                kernel.get() == null ? d.kernel() : kernel.get(), bandwidthList, d.kdeCellM(), halfLife, compare.get(), band);
    }

    /** The KDE bandwidths typed as metres separated by commas; the backtest picks among them. */
    private List<Double> bandwidthsM() {
        String text = bandwidths.get() == null ? "" : bandwidths.get().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Bandwidths (m) needs at least one bandwidth in metres, such as 50, 100, 200");
        }
        List<Double> out = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            double b = number("Bandwidths (m)", part);
            if (!(b >= 5 && b <= 5_000)) {
                throw new IllegalArgumentException("Bandwidths (m) must each be between 5 and 5000 m, was '" + part + "'");
            }
            out.add(b);
        }
        if (out.size() > HotspotSettings.MAX_BANDWIDTHS) {
            throw new IllegalArgumentException("Bandwidths (m) takes at most " + HotspotSettings.MAX_BANDWIDTHS
                    + " bandwidths, was " + out.size());
        }
        return out;
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
        hotspotRows.setAll(r.hotspots());
        cellRows.setAll(r.cells());
        cellsShown.set(!r.method().givesCircles());
        evaluation.set(r.evaluation());
        comparison.setAll(comparisonRows(r));
        districtRows.setAll(r.evaluation() == null ? List.of()
                : r.evaluation().districts().stream().map(DistrictRow::of).toList());
        districtCaption.set(districtCaption(r));
        List<CurveSeries> series = curveSeries(r);
        curveAxisMax.set(curveAxisMaxKm2(series));
        curveNote.set(curveNote(series, curveAxisMax.get()));
        curves.setAll(series); // after the axis: the chart reads it when the curves change
        chosenText.set(chosenText(r));
        mapLegend.set(legend(r.method()));
        result.set(r); // last: the view redraws the map when the result changes
        StringBuilder sb = new StringBuilder(r.method().givesCircles()
                ? String.format(Locale.ROOT, "%d hotspots from %,d incidents (%s), SSE %,.1f km².", r.hotspots().size(),
                        r.rowsUsed(), name(r.method().key()), r.sse() / 1e6)
                : String.format(Locale.ROOT, "%d hotspot cells from %,d incidents (%s; the map shows them).",
                        r.cells().size(), r.rowsUsed(), name(r.method().key())));
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

    /** The method's name as the table, the chart and the summary show it. */
    static String name(String method) {
        return switch (method) {
            case "coverage" -> "coverage circles";
            case "kmeans" -> "K-Means circles";
            case "kde" -> "KDE cells";
            case "gistar" -> "Gi* cells";
            case "grid" -> "grid cells";
            default -> method;
        };
    }

    /** The method list's words for a choice: "Auto (the backtest picks)", "Coverage circles", … */
    public static String methodLabel(MethodChoice m) {
        if (m == null) {
            return "";
        }
        return switch (m) {
            case AUTO -> "Auto";
            case COVERAGE -> "Coverage";
            case KMEANS -> "K-Means";
            case KDE -> "KDE";
            case GISTAR -> "Gi*";
            case GRID -> "Grid";
        };
    }

    static String title(String method) {
        String n = name(method);
        return n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
    }

    /**
     * One row per compared method: the chosen one first, K-Means next to it (always, taken from the
     * K-Means score when the comparison did not list it), then the rest in {@link MethodChoice#methods()} order.
     */
    static List<MethodRow> comparisonRows(HotspotResult r) {
        Evaluation e = r.evaluation();
        if (e == null) {
            return List.of();
        }
        String chosen = r.method().key();
        int windowCount = Math.max(1, e.windows().size());
        List<MethodRow> rows = new ArrayList<>();
        for (MethodSummary m : e.methods()) {
            rows.add(new MethodRow(m.method(), title(m.method()), m.variant(), m.hitRate(), m.hitRateSd(), m.pai(), m.pei(),
                    m.areaKm2(), m.areas(), m.windows(), m.method().equals(chosen)));
        }
        if (e.method("kmeans").isEmpty() && e.kmeans() != null) {
            rows.add(row(e.kmeans(), windowCount, chosen));
        }
        if (e.method("grid").isEmpty() && e.grid() != null) {
            rows.add(row(e.grid(), windowCount, chosen)); // the baseline at the chosen layer's area
        }
        List<String> order = MethodChoice.methods().stream().map(MethodChoice::key).toList();
        rows.sort(Comparator.comparingInt((MethodRow m) -> m.chosen() ? 0 : m.method().equals("kmeans") ? 1 : 2)
                .thenComparingInt(m -> order.indexOf(m.method())));
        return rows;
    }

    private static MethodRow row(MethodScore s, int windowCount, String chosen) {
        // a pooled score has no spread over the windows
        return new MethodRow(s.method(), title(s.method()), "", s.hitRate(), Double.NaN, s.pai(), s.pei(), s.areaKm2(),
                Double.NaN, windowCount, s.method().equals(chosen));
    }

    /** One line per method's PAI curve, hit rate in percent, in the table's order. */
    static List<CurveSeries> curveSeries(HotspotResult r) {
        Evaluation e = r.evaluation();
        if (e == null) {
            return List.of();
        }
        String chosen = r.method().key();
        List<String> order = comparisonRows(r).stream().map(MethodRow::method).toList();
        return e.curves().stream()
                .sorted(Comparator.comparingInt((PaiCurve c) -> order.contains(c.method()) ? order.indexOf(c.method())
                        : order.size()))
                .map(c -> new CurveSeries(c.method(), title(c.method()) + (c.method().equals(chosen) ? " (chosen)" : ""),
                        c.method().equals(chosen), c.points().stream().map(p -> p.areaKm2()).toList(),
                        c.points().stream().map(p -> 100 * p.hitRate()).toList()))
                .toList();
    }

    /**
     * Where the PAI chart's area axis stops: one and a half times the chosen method's largest area, rounded
     * up to 1, 2, 2.5 or 5 × 10ⁿ km², so a method judged on a far larger area (K-Means with wide circles)
     * does not squeeze the others against the axis; every curve when there is no chosen one.
     */
    static double curveAxisMaxKm2(List<CurveSeries> series) {
        double max = series.stream().filter(CurveSeries::chosen).flatMap(c -> c.areaKm2().stream())
                .mapToDouble(Double::doubleValue).max()
                .orElse(series.stream().flatMap(c -> c.areaKm2().stream()).mapToDouble(Double::doubleValue).max().orElse(0));
        double all = series.stream().flatMap(c -> c.areaKm2().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        return niceCeil(Math.min(all, 1.5 * max));
    }

    static double niceCeil(double x) {
        if (!(x > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= x - 1e-9 * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Names the curves that run past the axis, with how far they go. */
    static String curveNote(List<CurveSeries> series, double axisMax) {
        List<String> beyond = series.stream()
                .filter(c -> c.areaKm2().stream().anyMatch(a -> a > axisMax))
                .map(c -> String.format(Locale.ROOT, "%s reach %.1f km²", c.name(),
                        c.areaKm2().stream().mapToDouble(Double::doubleValue).max().orElse(0)))
                .toList();
        return beyond.isEmpty() ? "" : String.join("; ", beyond) + String.format(Locale.ROOT,
                ": the axis stops at %s km² so the methods judged at the patrol area can be told apart.", axisLabel(axisMax));
    }

    private static String axisLabel(double km2) {
        return km2 == Math.rint(km2) ? Long.toString((long) km2) : Double.toString(km2);
    }

    /** What the per-district table shows, or why it is empty. */
    static String districtCaption(HotspotResult r) {
        Evaluation e = r.evaluation();
        if (e == null || e.districts().isEmpty()) {
            return "By district: no backtest of the methods for this run, so no figures per district.";
        }
        long hits = e.districts().stream().mapToLong(DistrictHitRate::hits).sum();
        long tests = e.districts().stream().mapToLong(DistrictHitRate::testIncidents).sum();
        return String.format(Locale.ROOT, "By district: %s over the %,d test incidents%s, %.1f %% caught overall, beside the"
                + " grid's busiest cells of the same area. A district with fewer than %d test incidents is too few to judge;"
                + " one caught at less than half the overall rate is underserved.", name(e.chosen()), tests,
                e.windows().size() > 1 ? " of " + e.windows().size() + " windows" : "", 100.0 * hits / tests,
                DistrictHitRate.MIN_TEST_INCIDENTS);
    }

    /** "Chosen: Coverage circles. Why: …" in words. */
    static String chosenText(HotspotResult r) {
        Evaluation e = r.evaluation();
        String because = e == null || e.chosenBecause().isBlank()
                ? (r.settings().method() == MethodChoice.AUTO ? "no backtest to compare on" : "chosen in the settings")
                : e.chosenBecause();
        return "Chosen: " + name(r.method().key()) + ". Why: " + because + ".";
    }

    static String legend(MethodChoice m) {
        return switch (m) {
            case GISTAR -> "Gi* hot spot cells by confidence: dark red 99 %, red 95 %, light red 90 %. "
                    + "Grey outlines: police districts.";
            case KDE -> "Purple cells: the densest KDE cells (the hotspots); orange shading: the density around them, "
                    + "darker where more incidents are expected. Grey outlines: police districts.";
            case GRID -> "Purple cells: the busiest grid cells. Grey outlines: police districts.";
            default -> "Red circles: the hotspots to patrol. Grey outlines: police districts.";
        };
    }

    /** The chosen cell method's cells (none for circle methods); Gi* cells are coloured by their confidence. */
    public List<MapArea> mapHotCells() {
        return mapHotCells(result.get());
    }

    static List<MapArea> mapHotCells(HotspotResult r) {
        if (r == null) {
            return List.of();
        }
        boolean gi = r.method() == MethodChoice.GISTAR;
        String label = title(r.method().key());
        return r.cells().stream().map(c -> new MapArea(c.south(), c.west(), c.north(), c.east(), gi ? giKind(c) : "cell", 1,
                cellLines(label, c))).toList();
    }

    /** The KDE heat layer, each cell's weight its density over the densest cell's. */
    public List<MapArea> mapHeat() {
        return mapHeat(result.get());
    }

    static List<MapArea> mapHeat(HotspotResult r) {
        if (r == null || r.heat().isEmpty()) {
            return List.of();
        }
        double max = r.heat().stream().mapToDouble(HotCell::score).max().orElse(1);
        return r.heat().stream().map(c -> new MapArea(c.south(), c.west(), c.north(), c.east(), "heat",
                max > 0 ? c.score() / max : 0, List.of(String.format(Locale.ROOT, "Density %.0f incidents per km²", c.score()))))
                .toList();
    }

    static String giKind(HotCell c) {
        Integer conf = c.confidence();
        if (conf == null || conf == 0) {
            return "cell";
        }
        return conf < 0 ? "cold" : conf >= 99 ? "gi99" : conf >= 95 ? "gi95" : "gi90";
    }

    private static List<String> cellLines(String label, HotCell c) {
        List<String> lines = new ArrayList<>();
        lines.add(label + " " + c.rank());
        lines.add(String.format(Locale.ROOT, "%,d incidents while fitting", c.count()));
        if (c.z() != null) {
            lines.add(String.format(Locale.ROOT, "z %.2f, p %.4f", c.z(), c.p()));
        }
        if (c.confidence() != null && c.confidence() != 0) {
            lines.add(Math.abs(c.confidence()) + " % confidence " + (c.confidence() > 0 ? "hot spot" : "cold spot"));
        }
        return lines;
    }

    /** The hotspots as map circles with popups (as on the Predict pane's map). */
    public List<MapCircle> mapCircles() {
        return hotspotRows.stream().map(HotspotLayers::circle).toList();
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

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
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
    public ObjectProperty<MethodChoice> methodProperty() { return method; }
    public ReadOnlyStringProperty methodExplanationProperty() { return methodExplanation.getReadOnlyProperty(); }
    public StringProperty windowsProperty() { return windows; }
    public StringProperty windowDaysProperty() { return windowDays; }
    public StringProperty halfLifeDaysProperty() { return halfLifeDays; }
    public ObjectProperty<Kernel> kernelProperty() { return kernel; }
    public StringProperty bandwidthsProperty() { return bandwidths; }
    public StringProperty giBandProperty() { return giBand; }
    public BooleanBinding kdeInputsShownProperty() { return kdeInputsShown; }
    public BooleanBinding giInputsShownProperty() { return giInputsShown; }
    /** The chosen layer's cells, best first, when the method gives cells (KDE, Gi*, grid). */
    public ObservableList<HotCell> cells() { return cellRows; }
    public ReadOnlyBooleanProperty cellsShownProperty() { return cellsShown.getReadOnlyProperty(); }
    public BooleanProperty compareProperty() { return compare; }
    public List<MethodChoice> methodChoices() { return List.of(MethodChoice.values()); }
    public ObservableList<MethodRow> comparison() { return comparison; }
    public ObservableList<CurveSeries> curves() { return curves; }
    /** The chosen layer's hit rate per district over the test windows, busiest district first. */
    public ObservableList<DistrictRow> districts() { return districtRows; }
    public ReadOnlyStringProperty districtCaptionProperty() { return districtCaption.getReadOnlyProperty(); }
    public ReadOnlyStringProperty chosenTextProperty() { return chosenText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty mapLegendProperty() { return mapLegend.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty curveAxisMaxProperty() { return curveAxisMax.getReadOnlyProperty(); }
    public ReadOnlyStringProperty curveNoteProperty() { return curveNote.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HotspotResult> resultProperty() { return result.getReadOnlyProperty(); }
    public List<AreaLayer> areaLayers() { return areaLayers.get(); }
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
