package org.beatwise.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beatwise.features.OffenseCategories;
import org.beatwise.model.ExplanationService;
import org.beatwise.model.GroupEvaluation;
import org.beatwise.model.Grouping;
import org.beatwise.model.HeldOutRows;
import org.beatwise.model.PermutationImportance;
import org.beatwise.testing.SmallModels;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/** The importance and per-group tab without the toolkit, on a real forest and its real test rows. */
class ExplainModelViewModelTest {

    static final OffenseCategories CATEGORIES = OffenseCategories.load();
    static final HeldOutRows ROWS = HeldOutRows.of(SmallModels.MODEL, SmallModels.ROWS, CATEGORIES);

    static ExplainModelViewModel.Source source() {
        return (model, by, seed, repeats) -> new ExplanationService.Explained(PermutationImportance.of(ROWS, seed, repeats),
                GroupEvaluation.of(model, ROWS, by, CATEGORIES));
    }

    @Test
    void computesBothTablesForTheModelOnScreen() {
        ExplainModelViewModel vm = new ExplainModelViewModel(source(), new SameThreadTaskRunner());
        vm.compute();
        assertEquals("Load or train a model first.", vm.errorProperty().get());
        vm.modelProperty().set("small");
        vm.groupingProperty().set(Grouping.HOUR_BAND);
        vm.compute();
        assertEquals("", vm.errorProperty().get());
        assertEquals(SmallModels.MODEL.predictor().featureSet().size(), vm.importance().size());
        assertEquals(4, vm.groups().size());
        assertEquals(ROWS.size(), vm.groups().stream().mapToInt(ExplainModelViewModel.GroupRow::rows).sum());
        assertTrue(vm.summaryProperty().get().contains("seed 42"), vm.summaryProperty().get());
        vm.modelProperty().set("other");
        assertTrue(vm.importance().isEmpty() && vm.groups().isEmpty(), "another model's figures never stay");
    }

    @Test
    void aFailureNamesTheModelAndTheReason() {
        ExplainModelViewModel vm = new ExplainModelViewModel((m, by, s, r) -> {
            throw new IllegalArgumentException("dataset 'x' has changed since model 'm' was trained");
        }, new SameThreadTaskRunner());
        vm.modelProperty().set("m");
        vm.compute();
        assertEquals("Cannot compute for model 'm': dataset 'x' has changed since model 'm' was trained",
                vm.errorProperty().get());
    }
}
