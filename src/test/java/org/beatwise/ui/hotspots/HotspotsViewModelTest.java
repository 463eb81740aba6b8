package org.beatwise.ui.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Incident;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.HourRange;
import org.beatwise.hotspot.IncidentFilter;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.beatwise.ui.common.SameThreadTaskRunner;
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
        assertFalse(vm.runningProperty().get());

        List<MapCircle> circles = vm.mapCircles();
        assertEquals(4, circles.size());
        assertEquals(250, circles.get(0).radius());
        assertTrue(circles.get(0).popup().contains("VANDALISM 80 %"), circles.get(0).popup());
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
}
