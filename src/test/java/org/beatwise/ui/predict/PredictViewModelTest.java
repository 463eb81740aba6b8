package org.beatwise.ui.predict;

import static org.beatwise.testing.Actors.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.settings.AlertSettings;
import org.beatwise.settings.MapSettings;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.model.ClassProbability;
import org.beatwise.model.TrainedModel;
import org.beatwise.settings.AlertSettings;
import org.beatwise.store.AlertRecord;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.SmallModels;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.RecordingTaskRunner;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prediction form on a real (small) forest and real alert rules, without the JavaFX toolkit. */
class PredictViewModelTest {

    static final TrainedModel model = SmallModels.MODEL;
    static final HotspotResult hotspots = SmallModels.HOTSPOTS;

    @TempDir
    Path home;

    private PredictViewModel vm(Services s) {
        PredictViewModel vm = new PredictViewModel(new Session("alice", Role.ANALYST, Instant.EPOCH), s.alerts(),
                new PredictSources(() -> List.of(model.name()), name -> ModelChoice.of(model), () -> List.of("set-a"),
                        name -> hotspots, name -> new double[0][], List::of), new SameThreadTaskRunner());
        vm.open();
        return vm;
    }

    @Test
    void aRemoteTileHostIsNamedInOneLineAndLocalTilesSayNothing() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            PredictViewModel vm = vm(s);
            assertEquals("", vm.mapWarningProperty().get(), "no tiles: nothing to warn about");
            vm.useMapSettings(new MapSettings("https://tiles.local/{z}/{x}/{y}.png", List.of("tiles.local")));
            assertEquals("This map loads tiles from tiles.local: each pan or zoom reaches that host.",
                    vm.mapWarningProperty().get());
            vm.useMapSettings(new MapSettings("file:///srv/tiles/{z}/{x}/{y}.png"));
            assertEquals("", vm.mapWarningProperty().get(), "a file: source stays on the machine");
        }
    }

    @Test
    void aMissingPlaceIsSaidOnlyOnceTheUserTypedOneOrAskedForACheck() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            PredictViewModel vm = vm(s);
            vm.hourProperty().set("7");
            assertNull(vm.predict(false));
            assertEquals("", vm.inputErrorProperty().get(), "nothing typed yet: no red text");
            assertNull(vm.predict(true));
            assertEquals("Latitude is required: type it or click the map.", vm.inputErrorProperty().get(), "on submit");
            PredictViewModel typed = vm(s);
            typed.latProperty().set("42.3");
            typed.latProperty().set("");
            assertNull(typed.predict(false));
            assertEquals("Latitude is required: type it or click the map.", typed.inputErrorProperty().get(),
                    "once the field was touched");
        }
    }

    @Test
    void invalidInputGetsAnInlineMessageAndNoPrediction() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            PredictViewModel vm = vm(s);
            vm.latProperty().set("42.3");
            vm.lonProperty().set("-71.08");
            vm.hourProperty().set("25");
            assertNull(vm.predict(false));
            assertEquals("Hour must be between 0 and 23, was 25.", vm.inputErrorProperty().get());
            assertTrue(vm.bars().isEmpty());
            vm.hourProperty().set("21");
            vm.lonProperty().set("west");
            assertNull(vm.predict(false));
            assertEquals("Longitude must be a number, was 'west'.", vm.inputErrorProperty().get());
        }
    }

    @Test
    void chartShowsTopTenInOrderThenOtherAndTheHonestFigures() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            PredictViewModel vm = vm(s);
            vm.dateProperty().set(LocalDate.of(2026, 3, 14));
            assertEquals(DayOfWeek.SATURDAY, vm.dayOfWeekProperty().get());
            assertEquals("3", vm.monthProperty().get());
            var p = vm.pick(42.30, -71.08);
            List<ClassProbability> bars = vm.bars();
            assertEquals(11, bars.size());
            assertTrue(bars.get(10).label().startsWith("other (4 classes)"), bars.get(10).label());
            for (int i = 1; i < 10; i++) {
                assertTrue(bars.get(i - 1).probability() >= bars.get(i).probability());
            }
            assertEquals(1.0, bars.stream().mapToDouble(ClassProbability::probability).sum(), 1e-9);
            assertEquals(p.predicted(), bars.get(0).label());
            assertTrue(vm.honestyProperty().get().contains("top-3 accuracy"), vm.honestyProperty().get());
            assertTrue(vm.summaryProperty().get().startsWith("Most likely: " + p.predicted()));
        }
    }

    @Test
    void thresholdAndProximityDecideTheAlerts() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            PredictViewModel vm = vm(s);
            List<List<AlertRecord>> heard = new ArrayList<>();
            vm.setOnAlerts(heard::add);
            assertEquals("set-a", vm.selectedHotspotSetProperty().get(), "the pane opens on the first hotspot set");
            assertEquals(3, vm.circlesProperty().get().size());
            Hotspot first = hotspots.hotspots().get(0);
            double confidence = vm.pick(42.60, -71.08).confidence();
            assertTrue(confidence < 0.7, "a crime-type model is rarely confident: " + confidence);
            assertEquals(List.of(), heard, "below the threshold and far from hotspots: no alert");
            assertTrue(vm.nearestProperty().get().startsWith("Nearest hotspot: hotspot "), vm.nearestProperty().get());

            // Lower the threshold below this prediction's confidence: now it alerts.
            s.stationSettings().updateAlerts(admin("alice"), AlertSettings.defaults().withConfidenceThreshold(confidence * 0.9));
            vm.pick(42.6001, -71.0801);
            assertEquals(1, heard.size());
            assertEquals("HIGH_CONFIDENCE", heard.get(0).get(0).rule());

            // Inside the hotspot: the proximity rule fires, naming the hotspot.
            s.stationSettings().updateAlerts(admin("alice"), AlertSettings.defaults());
            vm.pick(first.lat(), first.lon());
            AlertRecord last = heard.get(heard.size() - 1).get(0);
            assertEquals("PROXIMITY", last.rule());
            assertTrue(last.detail().contains("inside hotspot 1"), last.detail());
            assertEquals("set-a", last.hotspotSet());
        }
    }

    @Test
    void comingBackShowsNewModelsAndKeepsTheChoiceAComboBoxDropped() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            List<String> names = new ArrayList<>(List.of("first", "second"));
            List<String> loaded = new ArrayList<>();
            PredictViewModel vm = new PredictViewModel(new Session("alice", Role.ANALYST, Instant.EPOCH), s.alerts(),
                    new PredictSources(() -> List.copyOf(names), name -> {
                        loaded.add(name);
                        return ModelChoice.of(model);
                    }, List::of, name -> null, name -> new double[0][], List::of), new SameThreadTaskRunner());
            vm.open();
            assertEquals("first", vm.selectedModelProperty().get(), "the last used model is listed first");
            assertNull(vm.selectedHotspotSetProperty().get(), "no hotspot set to choose");
            assertEquals(List.of("first"), loaded);

            // A combo box bound to the choice clears it when its items are replaced.
            vm.modelChoices().addListener((javafx.collections.ListChangeListener<String>) c -> vm.selectedModelProperty().set(null));
            names.add(0, "trained-meanwhile");
            vm.onShown();
            assertEquals(List.of("trained-meanwhile", "first", "second"), vm.modelChoices());
            assertEquals("first", vm.selectedModelProperty().get());
            assertEquals(List.of("first", "first"), loaded, "the restored choice is loaded again");
            assertNotNull(vm.modelProperty().get());

            names.remove("first");
            vm.onShown();
            assertNull(vm.selectedModelProperty().get(), "a model deleted elsewhere is not chosen again");
            assertNull(vm.modelProperty().get());
        }
    }

    @Test
    void aDeliberateCheckPlacesTheMarkerWhereTheFormSaysTypingDoesNot() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            PredictViewModel vm = vm(s);
            vm.latProperty().set(" 42.31 ");
            vm.lonProperty().set("-71.07");
            vm.hourProperty().set("3");
            assertNotNull(vm.predictionProperty().get(), "typing predicts at once");
            assertNull(vm.markerProperty().get(), "but places no marker");
            var p = vm.predict(true);
            PredictViewModel.Marker m = vm.markerProperty().get();
            assertEquals(42.31, m.lat(), 1e-12);
            assertEquals(-71.07, m.lon(), 1e-12);
            assertEquals(p, m.prediction());

            vm.pick(42.35, -71.05);
            assertEquals(42.35, vm.markerProperty().get().lat(), 1e-6);
            assertEquals(-71.05, vm.markerProperty().get().lon(), 1e-6);
            vm.latProperty().set("north");
            assertNull(vm.predict(true));
            assertEquals(42.35, vm.markerProperty().get().lat(), 1e-6, "an invalid place moves no marker");
        }
    }

    @Test
    void modelsAndHotspotSetsLoadThroughTheTaskRunner() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            RecordingTaskRunner tasks = new RecordingTaskRunner();
            PredictViewModel vm = new PredictViewModel(new Session("alice", Role.ANALYST, Instant.EPOCH), s.alerts(),
                    new PredictSources(() -> List.of(model.name()), name -> ModelChoice.of(model), () -> List.of("set-a"),
                            name -> hotspots, name -> new double[0][], List::of), tasks);
            vm.open();
            assertEquals(List.of("Loading model " + model.name(), "Loading hotspot set set-a"), tasks.titles());
            assertTrue(vm.loadingProperty().get());
            assertNull(vm.modelProperty().get());
            assertTrue(vm.circlesProperty().get().isEmpty());
            tasks.runAll();
            assertFalse(vm.loadingProperty().get());
            assertNotNull(vm.modelProperty().get());
            assertEquals(3, vm.circlesProperty().get().size());
        }
    }
}
