package org.beatwise.ui.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Incident;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.CurvePoint;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotFinder;
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
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.ui.map.MapArea;
import org.beatwise.ui.map.MapCircle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Hotspots view-model on the real service and store, tasks on the test's thread, no JavaFX toolkit. */
class HotspotsViewModelTest {

    @TempDir
    Path home;
    private Database db;
    private HotspotService service;
    private HotspotsViewModel vm;

    @BeforeEach
    void open() {
        db = Database.open(home);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        List<Incident> demo = TestIncidents.fourCentres(2000, 3);
        service = new HotspotService(name -> {
            if (!name.equals("demo")) {
                throw new IllegalArgumentException("no dataset named '" + name + "'");
            }
            return demo;
        }, new HotspotSetStore(db), new AuditStore(db, clock), clock, new HotspotFinder(2));
        vm = new HotspotsViewModel(service, () -> List.of("demo", "other"),
                new Session("alice", Role.ANALYST, Instant.EPOCH), new SameThreadTaskRunner());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theUntouchedFormIsTheDefaultSettingsOnTheFirstDataset() {
        assertEquals(List.of("demo", "other"), vm.datasets());
        assertEquals("demo", vm.datasetProperty().get());
        assertEquals(HotspotSettings.defaults(), vm.settings());
        assertTrue(vm.canRunProperty().get());
        assertFalse(vm.canSaveProperty().get());
    }

    @Test
    void kdeAndGiStarInputsShowWhereTheMethodUsesThemAndReachTheSettings() {
        assertFalse(vm.kdeInputsShownProperty().get());
        assertFalse(vm.giInputsShownProperty().get());
        vm.methodProperty().set(MethodChoice.KDE);
        assertTrue(vm.kdeInputsShownProperty().get());
        assertFalse(vm.giInputsShownProperty().get());
        vm.methodProperty().set(MethodChoice.GISTAR);
        assertTrue(vm.giInputsShownProperty().get());
        vm.methodProperty().set(MethodChoice.COVERAGE);
        vm.compareProperty().set(true);
        assertTrue(vm.kdeInputsShownProperty().get() && vm.giInputsShownProperty().get(), "comparing runs every method");

        vm.kernelProperty().set(Kernel.QUARTIC);
        vm.bandwidthsProperty().set("40, 120");
        vm.halfLifeDaysProperty().set("365");
        vm.giBandProperty().set("2.5");
        HotspotSettings s = vm.settings();
        assertEquals(Kernel.QUARTIC, s.kernel());
        assertEquals(List.of(40.0, 120.0), s.bandwidthsM());
        assertEquals(365.0, s.halfLifeDays());
        assertEquals(2.5, s.giBandCells());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bandwidths | ''      | Bandwidths (m) needs at least one bandwidth in metres, such as 50, 100, 200",
        "bandwidths | 50, 2   | Bandwidths (m) must each be between 5 and 5000 m, was '2'",
        "bandwidths | 50, far | Bandwidths (m) must be a number, was 'far'",
        "band       | 0.5     | Gi* band (cells) must be between 1 and 10, was '0.5'",
        "halfLife   | 0       | Half-life (days) must be between 0 and 36500 (leave it empty to weigh every incident the same), was '0'",
    })
    void aWrongKdeOrGiStarInputIsNamed(String field, String value, String expected) {
        switch (field) {
            case "bandwidths" -> vm.bandwidthsProperty().set(value);
            case "band" -> vm.giBandProperty().set(value);
            default -> vm.halfLifeDaysProperty().set(value);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, vm::settings);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void aCellMethodListsItsCellsAndACircleMethodItsHotspots() {
        vm.methodProperty().set(MethodChoice.GRID);
        vm.run();
        assertTrue(vm.cellsShownProperty().get());
        assertFalse(vm.cells().isEmpty());
        assertEquals(1, vm.cells().get(0).rank());
        assertTrue(vm.cells().get(0).count() >= vm.cells().get(vm.cells().size() - 1).count(), "busiest first");
        vm.methodProperty().set(MethodChoice.COVERAGE);
        vm.run();
        assertFalse(vm.cellsShownProperty().get());
        assertTrue(vm.cells().isEmpty());
        assertEquals(10, vm.hotspots().size());
    }

    @Test
    void theDistrictTableHoldsTheChosenLayersRowsAndSaysWhatTheyAre() {
        vm.kProperty().set("4");
        vm.fixedRadiusProperty().set(true);
        vm.run();
        Evaluation e = vm.resultProperty().get().evaluation();
        assertEquals(1, vm.districts().size(), "every demo incident is in B3");
        DistrictRow b3 = vm.districts().get(0);
        assertEquals("B3", b3.district());
        assertEquals(String.format(java.util.Locale.ROOT, "%,d", e.testCount()), b3.incidents());
        assertEquals("100.0 %", b3.share());
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f %% (%,d)", 100 * e.districts().get(0).hitRate(),
                e.districts().get(0).hits()), b3.hitRate());
        assertTrue(vm.districtCaptionProperty().get().startsWith("By district: " + HotspotsViewModel.name(e.chosen())
                + " over the " + b3.incidents() + " test incidents"), vm.districtCaptionProperty().get());
    }

    @Test
    void filtersAreReadFromTheForm() {
        vm.offencesProperty().set("Larceny, ROBBERY - STREET\n619");
        vm.dayProperty(DayOfWeek.FRIDAY).set(true);
        vm.dayProperty(DayOfWeek.SATURDAY).set(true);
        vm.hoursProperty().set("18-2");
        IncidentFilter f = vm.settings().filter();
        assertEquals(Set.of("Larceny", "ROBBERY - STREET", "619"), f.offences());
        assertEquals(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), f.days());
        assertEquals(new HourRange(18, 2), f.hours());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "k        | ten  | k must be a whole number, was 'ten'",
        "k        | 0    | k must be between 2 and 50, was 0",
        "restarts | 0    | restarts must be between 1 and 1000, was 0",
        "hours    | late | hours must look like 18-2, was 'late'",
        "cell     | 1    | cellSizeM must be in [10, 5000], was 1.0",
    })
    void aWrongFieldIsNamedAndNothingRuns(String field, String value, String expected) {
        switch (field) {
            case "k" -> vm.kProperty().set(value);
            case "restarts" -> vm.restartsProperty().set(value);
            case "hours" -> vm.hoursProperty().set(value);
            default -> vm.cellSizeProperty().set(value);
        }
        vm.run();
        assertEquals(expected, vm.messageProperty().get());
        assertTrue(vm.hotspots().isEmpty());
    }

    @Test
    void runShowsHotspotsAndTheEvaluationThenSavesANamedSet() {
        vm.kProperty().set("4");
        vm.fixedRadiusProperty().set(true);
        vm.run();
        assertEquals("", vm.messageProperty().get());
        assertEquals(4, vm.hotspots().size());
        assertEquals(2000, vm.hotspots().stream().mapToInt(h -> h.count()).sum());
        assertNotNull(vm.evaluationProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("4 hotspots from 2,000 incidents"), vm.summaryProperty().get());
        assertTrue(vm.summaryProperty().get().matches("4 hotspots from 2,000 incidents \\([^)]*\\), SSE [0-9,]+\\.[0-9] km²\\..*"),
                "SSE in km² as the elbow chart shows it, not 1.234e+11 m²: " + vm.summaryProperty().get());
        assertFalse(vm.runningProperty().get());

        List<MapCircle> circles = vm.mapCircles();
        assertEquals(4, circles.size());
        assertEquals(250, circles.get(0).radius());
        assertTrue(circles.get(0).popup().contains("VANDALISM (80 %)"), circles.get(0).popup());
        Hotspot first = vm.hotspots().get(0);
        assertTrue(circles.get(0).popup().contains(String.format(Locale.ROOT, "%,d incidents within 250 m<br>%,d nearest",
                first.inside(), first.count())), "the circle's own count first: " + circles.get(0).popup());
        assertFalse(vm.mapCells().isEmpty());

        assertFalse(vm.canSaveProperty().get(), "no name yet");
        vm.setNameProperty().set("Demo four");
        assertTrue(vm.canSaveProperty().get());
        assertTrue(vm.save());
        assertEquals("Saved as hotspot set 'Demo four'.", vm.messageProperty().get());
        assertEquals("Demo four", service.list().get(0).name());
        assertFalse(vm.save(), "the name is taken now");
        assertEquals("a hotspot set named 'Demo four' already exists; choose another name or delete it first",
                vm.messageProperty().get());
    }

    @Test
    void elbowFillsTheCurveAndMarksTheKnee() {
        vm.kMaxProperty().set("10");
        vm.elbow();
        assertEquals(9, vm.elbowPoints().size());
        assertEquals(4, vm.kneeProperty().get());
        assertEquals("Elbow: the knee is at k = 4.", vm.messageProperty().get());
    }

    @Test
    void aFailingRunShowsItsMessage() {
        vm.datasetProperty().set("other");
        vm.run();
        assertEquals("no dataset named 'other'", vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canRunProperty().get());
    }

    // ---- issue 13: methods, rolling windows, the comparison ----

    @Test
    void theMethodAndTheNewInputsGoIntoTheSettings() {
        assertEquals(MethodChoice.AUTO, vm.methodProperty().get());
        assertEquals("The backtest picks between coverage and kmeans on this dataset.", vm.methodExplanationProperty().get());
        vm.methodProperty().set(MethodChoice.KDE);
        assertEquals("The densest cells of a kernel density surface, bandwidth chosen on the backtest.",
                vm.methodExplanationProperty().get());
        vm.windowsProperty().set("3");
        vm.windowDaysProperty().set("28");
        vm.halfLifeDaysProperty().set("14");
        vm.compareProperty().set(true);
        vm.fixedRadiusProperty().set(true);
        vm.radiusMetresProperty().set("200");
        HotspotSettings s = vm.settings();
        assertEquals(MethodChoice.KDE, s.method());
        assertEquals(3, s.backtest().windows());
        assertEquals(28, s.backtest().windowDays());
        assertEquals(14.0, s.halfLifeDays());
        assertTrue(s.compare());
        assertEquals(200, s.patrolRadiusM());
        assertEquals(HotspotSettings.defaults().bandwidthsM(), s.bandwidthsM(), "what the form does not show keeps its default");

        vm.halfLifeDaysProperty().set(" ");
        assertEquals(null, vm.settings().halfLifeDays(), "empty = no recency weighting");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "windows    | two  | Windows must be a whole number, was 'two'",
        "windows    | 0    | Windows must be between 1 and 60, was 0",
        "windowDays | 400  | Window days must be between 1 and 366, was 400",
        "windowDays | 1.5  | Window days must be a whole number, was '1.5'",
        "halfLife   | soon | Half-life (days) must be a number, was 'soon'",
        "halfLife   | -3   | Half-life (days) must be between 0 and 36500 (leave it empty to weigh every incident the same), was '-3'",
        "testFrom   | 3    | Windows must be 1 when Test from is set, was 3: clear Test from to judge on rolling windows",
    })
    void aWrongNewFieldIsNamedAndNothingRuns(String field, String value, String expected) {
        switch (field) {
            case "windows" -> vm.windowsProperty().set(value);
            case "windowDays" -> vm.windowDaysProperty().set(value);
            case "halfLife" -> vm.halfLifeDaysProperty().set(value);
            default -> {
                vm.testFromProperty().set(LocalDate.of(2018, 6, 1));
                vm.windowsProperty().set(value);
            }
        }
        vm.run();
        assertEquals(expected, vm.messageProperty().get());
        assertTrue(vm.comparison().isEmpty());
        assertTrue(vm.hotspots().isEmpty());
    }

    /** A KDE result built by hand: the comparison lists every method, K-Means among them. */
    private static HotspotResult kdeResult(List<MethodSummary> methods, MethodScore kmeans) {
        Evaluation e = new Evaluation(LocalDateTime.of(2018, 10, 1, 0, 0), 1500, 300, 12.5, "convex hull of training incidents",
                150, kmeans, new MethodScore("grid", 90, 0.30, 0.79, 4.7, 0.5), 0.6, List.of(), methods, "kde",
                "chosen in the settings", List.of(
                        new PaiCurve("grid", List.of(new CurvePoint(0.1, 0.05), new CurvePoint(0.8, 0.30))),
                        new PaiCurve("kde", List.of(new CurvePoint(0.1, 0.12), new CurvePoint(0.8, 0.41))),
                        new PaiCurve("kmeans", List.of(new CurvePoint(0.1, 0.08), new CurvePoint(0.8, 0.35)))),
                List.of());
        List<HotCell> cells = List.of(new HotCell(1, 42.30, -71.09, 42.301, -71.089, 900, 40, null, null, null));
        List<HotCell> heat = List.of(new HotCell(1, 42.30, -71.09, 42.3002, -71.0897, 1200, 10, null, null, null),
                new HotCell(2, 42.3002, -71.09, 42.3004, -71.0897, 300, 2, null, null, null));
        return new HotspotResult(HotspotSettings.defaults().withMethod(MethodChoice.KDE), List.of(), 0, e, List.of(), null,
                MethodChoice.KDE, cells, heat);
    }

    private static MethodSummary summary(String method, double hitRate) {
        return new MethodSummary(method, method.equals("kde") ? "bandwidth 100 m" : "", hitRate, 0.031, 5.1, 0.62, 0.79,
                3.0, 3);
    }

    @Test
    void theComparisonListsTheChosenMethodFirstAndKMeansBesideIt() {
        HotspotResult r = kdeResult(List.of(summary("coverage", 0.40), summary("kmeans", 0.35), summary("kde", 0.412),
                summary("gistar", 0.38), summary("grid", 0.30)), new MethodScore("kmeans", 105, 0.35, 0.79, 5.5, 0.58));
        List<MethodRow> rows = HotspotsViewModel.comparisonRows(r);
        assertEquals(List.of("kde", "kmeans", "coverage", "gistar", "grid"), rows.stream().map(MethodRow::method).toList());
        assertEquals(List.of(true, false, false, false, false), rows.stream().map(MethodRow::chosen).toList());
        MethodRow kde = rows.get(0);
        assertEquals("KDE cells (bandwidth 100 m)", kde.label());
        assertEquals("41.2 ± 3.1 %", kde.hitRateText());
        assertEquals("5.1", kde.paiText());
        assertEquals("0.62", kde.peiText());
        assertEquals("0.79", kde.areaText());
        assertEquals("3.0", kde.areasText());
        assertEquals(3, kde.windows());
        assertEquals("Chosen: KDE cells. Why: chosen in the settings.", HotspotsViewModel.chosenText(r));
    }

    @Test
    void kMeansIsShownBesideTheWinnerEvenWhenTheComparisonLeftItOut() {
        HotspotResult r = kdeResult(List.of(summary("kde", 0.412), summary("grid", 0.30)),
                new MethodScore("kmeans", 105, 0.35, 0.79, 5.5, 0.58));
        List<MethodRow> rows = HotspotsViewModel.comparisonRows(r);
        assertEquals(List.of("kde", "kmeans", "grid"), rows.stream().map(MethodRow::method).toList());
        MethodRow km = rows.get(1);
        assertEquals("K-Means circles", km.label());
        assertEquals("35.0 %", km.hitRateText(), "a score without windows has no spread");
        assertEquals("–", km.areasText(), "not known for a single score");
    }

    @Test
    void thePaiCurvesAreOneSeriesPerMethodInPercentInTheTablesOrder() {
        HotspotResult r = kdeResult(List.of(summary("kmeans", 0.35), summary("kde", 0.412), summary("grid", 0.30)),
                new MethodScore("kmeans", 105, 0.35, 0.79, 5.5, 0.58));
        List<CurveSeries> curves = HotspotsViewModel.curveSeries(r);
        assertEquals(List.of("KDE cells (chosen)", "K-Means circles", "Grid cells"), curves.stream().map(CurveSeries::name).toList());
        assertTrue(curves.get(0).chosen());
        assertEquals(List.of(0.1, 0.8), curves.get(0).areaKm2());
        assertEquals(12.0, curves.get(0).hitRatePercent().get(0), 1e-9);
        assertEquals(41.0, curves.get(0).hitRatePercent().get(1), 1e-9);
    }

    @Test
    void cellMethodsGoToTheMapAsTextCellsAndKdeAsHeat() {
        HotspotResult r = kdeResult(List.of(summary("kde", 0.412)), new MethodScore("kmeans", 105, 0.35, 0.79, 5.5, 0.58));
        List<MapArea> cells = HotspotsViewModel.mapHotCells(r);
        assertEquals(1, cells.size());
        assertEquals("cell", cells.get(0).kind());
        assertEquals(List.of("KDE cells 1", "40 incidents while fitting"), cells.get(0).lines());
        List<MapArea> heat = HotspotsViewModel.mapHeat(r);
        assertEquals(List.of(1.0, 0.25), heat.stream().map(MapArea::weight).toList());
        assertEquals("heat", heat.get(0).kind());
    }

    @ParameterizedTest
    @CsvSource({"99, gi99", "95, gi95", "90, gi90", "0, cell", "-95, cold"})
    void giStarCellsAreColouredByConfidence(int confidence, String kind) {
        HotCell c = new HotCell(1, 42.30, -71.09, 42.301, -71.089, 4.2, 30, 4.2, 0.00003, confidence);
        HotspotResult r = new HotspotResult(HotspotSettings.defaults().withMethod(MethodChoice.GISTAR), List.of(), 0, null,
                List.of(), null, MethodChoice.GISTAR, List.of(c), List.of());
        MapArea cell = HotspotsViewModel.mapHotCells(r).get(0);
        assertEquals(kind, cell.kind());
        assertTrue(cell.lines().contains("z 4.20, p 0.0000"), cell.lines().toString());
        assertEquals("Gi* hot spot cells by confidence: dark red 99 %, red 95 %, light red 90 %. Grey outlines: police districts.",
                HotspotsViewModel.legend(MethodChoice.GISTAR));
    }

    @Test
    void comparingAllMethodsOnRollingWindowsFillsTheTableTheCurvesAndTheChosenLayer() {
        vm.kProperty().set("4");
        vm.methodProperty().set(MethodChoice.GISTAR);
        vm.windowsProperty().set("2");
        vm.windowDaysProperty().set("60");
        vm.compareProperty().set(true);
        vm.run();
        assertEquals("", vm.messageProperty().get());
        assertEquals(List.of("gistar", "kmeans", "coverage", "kde", "grid"),
                vm.comparison().stream().map(MethodRow::method).toList());
        assertTrue(vm.comparison().get(0).chosen());
        assertEquals(2, vm.comparison().get(0).windows());
        assertEquals(5, vm.curves().size());
        assertTrue(vm.hotspots().isEmpty(), "Gi* gives cells, not circles");
        assertFalse(vm.mapHotCells().isEmpty());
        assertTrue(vm.mapHotCells().stream().allMatch(c -> c.kind().startsWith("gi")), vm.mapHotCells().toString());
        assertTrue(vm.chosenTextProperty().get().startsWith("Chosen: Gi* cells. Why: chosen in the settings"),
                vm.chosenTextProperty().get());
        assertTrue(vm.summaryProperty().get().contains("hotspot cells from 2,000 incidents (Gi* cells"),
                vm.summaryProperty().get());

        vm.setNameProperty().set("Gi four");
        assertTrue(vm.save());
        assertEquals(MethodChoice.GISTAR, service.load("Gi four").orElseThrow().result().method());
        assertEquals(5, service.load("Gi four").orElseThrow().result().evaluation().methods().size(),
                "the saved set records the comparison");
    }

    @Test
    void autoMarksTheWinnerAndSaysWhy() {
        vm.kProperty().set("4");
        vm.run();
        assertEquals("", vm.messageProperty().get());
        MethodRow chosen = vm.comparison().get(0);
        assertTrue(chosen.chosen());
        assertTrue(List.of("coverage", "kmeans").contains(chosen.method()), chosen.method());
        assertTrue(vm.comparison().stream().anyMatch(m -> m.method().equals("kmeans")));
        assertTrue(vm.chosenTextProperty().get().contains("won the backtest"), vm.chosenTextProperty().get());
    }

    @Test
    void theAreaAxisFollowsTheChosenMethodAndNamesTheCurvesThatRunPastIt() {
        List<CurveSeries> series = List.of(
                new CurveSeries("coverage", "Coverage circles (chosen)", true, List.of(0.2, 1.96), List.of(5.0, 18.9)),
                new CurveSeries("kmeans", "K-Means circles", false, List.of(8.0, 79.55), List.of(20.0, 80.5)));
        assertEquals(5.0, HotspotsViewModel.curveAxisMaxKm2(series), "1.5 × 1.96 rounded up to 5");
        assertEquals("K-Means circles reach 79.6 km²: the axis stops at 5 km² so the methods judged at the patrol area "
                + "can be told apart.", HotspotsViewModel.curveNote(series, 5.0));
        assertEquals(100.0, HotspotsViewModel.curveAxisMaxKm2(List.of(series.get(1))), "no chosen curve: all of it");
        assertEquals("", HotspotsViewModel.curveNote(List.of(series.get(1)), 100.0));
        assertEquals(2.5, HotspotsViewModel.niceCeil(2.1));
        assertEquals(1.0, HotspotsViewModel.niceCeil(0));
    }
}
