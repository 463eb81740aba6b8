package org.beatwise.ui.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.features.Query;
import org.beatwise.model.Sensitivity;
import org.beatwise.profile.PlaceIndex;
import org.beatwise.testing.SmallModels;
import org.beatwise.ui.common.RecordingTaskRunner;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/** The place panel's view-model without the toolkit, on a real index and a real forest. */
class PlaceProfileViewModelTest {

    static final PlaceIndex INDEX = PlaceIndex.build(SmallModels.ROWS, null);

    static ProfileSources sources() {
        return new ProfileSources(model -> "small", INDEX::profile,
                (model, q) -> new Sensitivity(SmallModels.MODEL.predictor()).explain(q));
    }

    static PlaceCheck check(Incident at) {
        return new PlaceCheck("m", Query.of(at));
    }

    @Test
    void aCheckFillsTheProfileAndTheExplanation() {
        PlaceProfileViewModel vm = new PlaceProfileViewModel(sources(), new SameThreadTaskRunner());
        Incident at = SmallModels.ROWS.get(5);
        vm.show(check(at));
        assertEquals("", vm.errorProperty().get());
        var p = vm.profileProperty().get();
        assertTrue(p.incidents() > 0);
        assertEquals(250, p.radiusM());
        assertEquals(p.incidents(), vm.hours().stream().mapToDouble(PlaceProfileViewModel.Bar::value).sum(), 0.0);
        assertEquals(7, vm.days().size());
        assertEquals(p.offences().size(), vm.offences().size());
        assertEquals(p.offences().get(0).count(), vm.offences().get(0).count());
        assertTrue(vm.titleProperty().get().startsWith(p.incidents() + " incidents within 250 m"), vm.titleProperty().get());
        assertEquals(24, vm.hourSweep().size());
        assertEquals(49, vm.gridProperty().get().size());
        assertTrue(vm.statementProperty().get().contains("not what causes"));
        assertEquals(Math.min(10, p.incidents()), vm.recent().size());
    }

    @Test
    void theGridHasALegendNamingTheClassAndIsClearedWhenTheNextPlaceIsChecked() {
        RecordingTaskRunner runner = new RecordingTaskRunner();
        PlaceProfileViewModel vm = new PlaceProfileViewModel(sources(), runner);
        vm.show(check(SmallModels.ROWS.get(5)));
        runner.runAll();
        Sensitivity.PlaceGrid g = vm.explanationProperty().get().place();
        assertEquals(49, vm.gridProperty().get().size());
        assertTrue(vm.gridProperty().get().stream().allMatch(a -> a.kind().equals("nearby")), "its own layer, not the heat");
        assertTrue(vm.gridLegendProperty().get().startsWith("Top class nearby: " + g.topClass() + ", "),
                vm.gridLegendProperty().get());
        double max = g.points().stream().mapToDouble(Sensitivity.GridPoint::probability).max().orElseThrow();
        assertTrue(vm.gridLegendProperty().get().contains(String.format(java.util.Locale.ROOT, "to %.1f %% (dark)", 100 * max)),
                vm.gridLegendProperty().get());
        assertTrue(vm.gridProperty().get().get(0).lines().get(0).startsWith(g.topClass() + ": "));

        vm.show(check(SmallModels.ROWS.get(500)));
        assertEquals(List.of(), vm.gridProperty().get(), "the old place's grid goes before the new one is ready");
        assertEquals("", vm.gridLegendProperty().get());
        runner.runAll();
        assertEquals(49, vm.gridProperty().get().size());
    }

    @Test
    void theRadiusIsReadAndABadOneIsNamed() {
        PlaceProfileViewModel vm = new PlaceProfileViewModel(sources(), new SameThreadTaskRunner());
        vm.radiusProperty().set("100");
        vm.show(check(SmallModels.ROWS.get(5)));
        assertEquals(100, vm.profileProperty().get().radiusM());
        vm.radiusProperty().set("far");
        vm.show(check(SmallModels.ROWS.get(6)));
        assertEquals("Radius must be a number of metres from 1 to 5000, was 'far'.", vm.errorProperty().get());
    }

    @Test
    void aLateResultDoesNotReplaceANewerCheck() {
        RecordingTaskRunner runner = new RecordingTaskRunner();
        PlaceProfileViewModel vm = new PlaceProfileViewModel(sources(), runner);
        vm.show(check(SmallModels.ROWS.get(5)));
        vm.show(check(SmallModels.ROWS.get(500)));
        runner.runAll();
        assertEquals(SmallModels.ROWS.get(500).lat(), vm.profileProperty().get().lat());
    }

    @Test
    void aFailureIsShownWithItsReason() {
        ProfileSources failing = new ProfileSources(model -> {
            throw new IllegalArgumentException("no dataset named 'gone'");
        }, INDEX::profile, (m, q) -> null);
        PlaceProfileViewModel vm = new PlaceProfileViewModel(failing, new SameThreadTaskRunner());
        vm.show(check(SmallModels.ROWS.get(5)));
        assertEquals("Cannot profile this place: no dataset named 'gone'", vm.errorProperty().get());
        assertNull(vm.profileProperty().get());
    }

    @Test
    void theMapGridIsDarkestWhereTheTopClassIsMostProbable() {
        Sensitivity.PlaceGrid g = new Sensitivity(SmallModels.MODEL.predictor()).place(Query.of(SmallModels.ROWS.get(5)), 3, 150);
        var areas = PlaceProfileViewModel.gridAreas(g);
        List<Double> weights = new ArrayList<>(areas.stream().map(a -> a.weight()).toList());
        int best = 0;
        for (int i = 1; i < g.points().size(); i++) {
            best = g.points().get(i).probability() > g.points().get(best).probability() ? i : best;
        }
        assertEquals(1.0, weights.get(best), 1e-12);
        assertTrue(areas.get(4).south() < g.points().get(4).lat() && areas.get(4).north() > g.points().get(4).lat());
    }
}
