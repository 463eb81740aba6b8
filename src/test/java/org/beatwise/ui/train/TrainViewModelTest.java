package org.beatwise.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.beatwise.model.ModelReport;
import org.beatwise.model.Split;
import org.beatwise.model.TrainingSettings;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.MutableClock;
import org.beatwise.ui.common.CancellingTaskRunner;
import org.beatwise.ui.common.RecordingTaskRunner;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Train &amp; Evaluate view-model on real services and a small imported synthetic dataset, without the JavaFX toolkit. */
class TrainViewModelTest {

    static final Session ALICE = new Session("alice", Role.ANALYST, Instant.EPOCH);

    @TempDir
    Path home;
    Services services;

    @BeforeEach
    void open() {
        services = new Services(new DataHome(home), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
        CrimeDemo.importInto(services, home.resolve("work"));
    }

    @AfterEach
    void close() {
        services.close();
    }

    TrainViewModel vm(TaskRunner tasks) {
        return new TrainViewModel(services.models(), () -> services.datasets().datasetNames(), ALICE, tasks);
    }

    /** Small and quick: ten trees, and classes of 20 training rows are enough. */
    static TrainViewModel small(TrainViewModel vm) {
        vm.treesProperty().set("10");
        vm.minClassSizeProperty().set("20");
        return vm;
    }

    @Test
    void presetsFillTheForestSettings() {
        TrainViewModel vm = vm(new SameThreadTaskRunner());
        assertEquals(CrimeDemo.NAME, vm.datasetProperty().get());
        assertEquals(TrainingSettings.defaults(), vm.settings());
        assertTrue(vm.canTrainProperty().get());
        vm.presetProperty().set("paper");
        assertEquals("15", vm.depthProperty().get());
        assertEquals("1", vm.minLeafProperty().get());
        assertEquals(TrainingSettings.paper(), vm.settings());
        vm.featureSetProperty().set(FeatureSet.PAPER);
        vm.splitProperty().set(Split.STRATIFIED);
        vm.targetProperty().set(Target.CATEGORY);
        TrainingSettings s = vm.settings();
        assertEquals(15, s.maxDepth());
        assertEquals(FeatureSet.PAPER, s.featureSet());
        assertEquals(Split.STRATIFIED, s.split());
        assertEquals(Target.CATEGORY, s.target());
        vm.presetProperty().set("default");
        assertEquals("8", vm.depthProperty().get());
        assertEquals(FeatureSet.PAPER, vm.featureSetProperty().get(), "a preset changes only the forest");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "trees|0|Trees must be between 1 and 1000, was 0",
            "trees|many|Trees must be a whole number, was 'many'",
            "depth|-1|Max depth must be >= 0 (0 = no limit), was -1",
            "minLeaf|0|Min rows per leaf must be >= 1, was 0",
            "minClassSize|0|Min class size must be >= 1, was 0",
            "featuresPerSplit|6|Features per split must be at most 5 for feature set default, was 6 (use 0 for the square-root rule)",
            "seed|4.2|Seed must be a whole number, was '4.2'"})
    void badSettingsNameTheFieldAndDisableTrain(String field, String value, String expected) {
        TrainViewModel vm = vm(new SameThreadTaskRunner());
        switch (field) {
            case "trees" -> vm.treesProperty().set(value);
            case "depth" -> vm.depthProperty().set(value);
            case "minLeaf" -> vm.minLeafProperty().set(value);
            case "minClassSize" -> vm.minClassSizeProperty().set(value);
            case "featuresPerSplit" -> vm.featuresPerSplitProperty().set(value);
            default -> vm.seedProperty().set(value);
        }
        assertEquals(expected, vm.settingsErrorProperty().get());
        assertFalse(vm.canTrainProperty().get());
        vm.train();
        assertTrue(services.models().list().isEmpty());
    }

    @Test
    void trainShowsTheSameFiguresAsTheCommandLine() {
        TrainViewModel vm = small(vm(new SameThreadTaskRunner()));
        vm.modelNameProperty().set("demo-small");
        vm.train();
        assertEquals("Saved as model 'demo-small', trained in "
                + String.format(java.util.Locale.ROOT, "%.1f", vm.reportProperty().get().trainSeconds()) + " s.",
                vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());

        ModelReport shown = vm.reportProperty().get();
        ModelReport saved = services.models().report("demo-small"); // what `evaluate --model demo-small` prints
        assertEquals(saved.figures(), vm.figures());
        assertEquals(10, vm.figures().size());
        ModelReport.Figure accuracy = vm.figures().get(0);
        assertEquals("Accuracy (top-1)", accuracy.label());
        assertEquals(saved.accuracy(), accuracy.model());
        assertEquals(saved.baselines().get("majority").accuracy(), accuracy.majority());
        assertEquals(saved.baselines().get("prior").accuracy(), accuracy.prior());
        ModelReport.Figure train = vm.figures().get(9);
        assertEquals("on its own training rows, not a measure of skill", train.remark());
        assertNull(train.majority());
        assertTrue(vm.figures().subList(0, 8).stream().allMatch(f -> f.majority() != null && f.prior() != null),
                "every test figure stands beside both baselines");

        assertEquals(shown.nClasses(), vm.perClass().size());
        assertTrue(vm.notes().get(0).startsWith("Top-1 accuracy is low for 13 offence types"), vm.notes().toString());
        assertTrue(vm.headlineProperty().get().startsWith("Model 'demo-small': dataset 'demo'"));
        assertFalse(vm.calibration().isEmpty());
        assertTrue(vm.calibration().stream().allMatch(b -> b.count() > 0));

        ConfusionGrid grid = vm.confusionProperty().get();
        assertEquals(ConfusionGrid.TOP + 1, grid.size(), "13 classes: the top 12 and 'other'");
        assertEquals("other (1 class)", grid.labels().get(ConfusionGrid.TOP));
        assertEquals(shown.nTest(), IntStream.range(0, grid.size()).map(grid::rowTotal).sum());

        assertEquals(List.of("demo-small"), vm.savedModels().stream().map(m -> m.name()).toList());
        assertEquals("demo-small", vm.selectedModelProperty().get().name());
        assertEquals(AuditEvent.TRAINING, services.audit().latest(1).get(0).event());
        assertEquals("alice", services.audit().latest(1).get(0).username());
    }

    @Test
    void cancelSavesNothing() {
        TrainViewModel vm = small(vm(new CancellingTaskRunner(4)));
        vm.train();
        assertEquals("Training cancelled; nothing was saved.", vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.savedModels().isEmpty());
        assertNull(vm.reportProperty().get());
        assertTrue(vm.canTrainProperty().get());
    }

    @Test
    void aTrainingFailureIsShownAsAMessage() {
        TrainViewModel vm = small(vm(new SameThreadTaskRunner()));
        vm.minClassSizeProperty().set("100000");
        vm.train();
        assertTrue(vm.messageProperty().get().startsWith("only 0 class(es) have at least 100000 training rows"),
                vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void loadDeleteExportImport() throws Exception {
        TrainViewModel first = small(vm(new SameThreadTaskRunner()));
        first.train();
        String name = "demo-description-2026-03-01";
        assertEquals(name, first.reportProperty().get().model());

        TrainViewModel vm = vm(new SameThreadTaskRunner());
        assertEquals(name, vm.reportProperty().get().model(), "the pane opens on the model loaded last");
        vm.selectedModelProperty().set(vm.savedModels().get(0));
        vm.loadSelected();
        assertEquals("Loaded model '" + name + "'.", vm.messageProperty().get());
        assertEquals(first.figures(), vm.figures());

        Path file = home.resolve("out/" + name + ".bwmodel");
        vm.exportSelected(file);
        assertTrue(Files.size(file) > 0);
        vm.importFile(file);
        assertTrue(vm.messageProperty().get().contains("already exists"), vm.messageProperty().get());

        // Deleting goes through the task runner: with a runner that only records, nothing is deleted yet.
        RecordingTaskRunner recorded = new RecordingTaskRunner();
        TrainViewModel held = vm(recorded);
        held.selectedModelProperty().set(held.savedModels().get(0));
        held.deleteSelected();
        assertEquals(List.of("Deleting model '" + name + "'"), recorded.titles());
        assertTrue(held.runningProperty().get());
        assertFalse(held.canUseSelectedProperty().get(), "no second action while the delete runs");
        assertEquals(1, services.models().list().size());
        recorded.runAll();
        assertEquals("Deleted model '" + name + "'.", held.messageProperty().get());
        assertFalse(held.runningProperty().get());
        assertTrue(held.savedModels().isEmpty());

        vm.importFile(file);
        assertEquals("Imported model '" + name + "'.", vm.messageProperty().get());
        vm.deleteSelected();
        assertEquals("Deleted model '" + name + "'.", vm.messageProperty().get());
        assertTrue(vm.savedModels().isEmpty());
        assertNull(vm.reportProperty().get());
        assertTrue(vm.figures().isEmpty());
        assertFalse(vm.canUseSelectedProperty().get());
        assertEquals(AuditEvent.MODEL_DELETED, services.audit().latest(1).get(0).event());

        vm.importFile(file);
        assertEquals("Imported model '" + name + "'.", vm.messageProperty().get());
        assertEquals(name, vm.selectedModelProperty().get().name());
    }

    @Test
    void withoutDatasetsTheMessageSaysWhereToImport() {
        List<String> names = new java.util.ArrayList<>();
        TrainViewModel vm = new TrainViewModel(services.models(), () -> List.copyOf(names), ALICE, new SameThreadTaskRunner());
        assertEquals("No datasets yet: import incidents on the Data pane, then train here.", vm.messageProperty().get());
        assertFalse(vm.canTrainProperty().get());
        names.add(CrimeDemo.NAME);
        vm.refreshDatasets();
        assertEquals("", vm.messageProperty().get());
        assertEquals(CrimeDemo.NAME, vm.datasetProperty().get());
        assertTrue(vm.canTrainProperty().get());
    }

    @Test
    void confusionGridGroupsTheRest() {
        List<String> classes = List.of("a", "b", "c", "d");
        int[][] m = {{5, 1, 0, 0}, {2, 9, 0, 1}, {0, 0, 1, 0}, {1, 0, 0, 2}};
        ConfusionGrid g = ConfusionGrid.of(classes, m, 2);
        assertEquals(List.of("b", "a", "other (2 classes)"), g.labels());
        assertEquals(9, g.counts()[0][0]);
        assertEquals(2, g.counts()[0][1]);
        assertEquals(1, g.counts()[0][2]);
        assertEquals(1, g.counts()[1][0]);
        assertEquals(3, g.counts()[2][2]);
        assertEquals(1, g.counts()[2][1]);
        assertEquals(9 / 12.0, g.rowShare(0, 0), 1e-12);
        assertEquals(classes.size(), ConfusionGrid.of(classes, m, 10).size());
    }
}
