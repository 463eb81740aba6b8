package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingSettingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "trees|0|trees must be between 1 and 1000, was 0",
            "trees|1001|trees must be between 1 and 1000, was 1001",
            "depth|-1|maxDepth must be >= 0 (0 = no limit), was -1",
            "features_per_split|-2|featuresPerSplit must be >= 0 (0 = square-root rule), was -2",
            "features_per_split|6|featuresPerSplit must be at most 5 for feature set default, was 6",
            "min_leaf|0|minLeaf must be >= 1, was 0",
            "min_class_size|0|minClassSize must be >= 1, was 0",
            "slots|-1|executionSlots must be >= 0 (0 = all cores), was -1",
            "trees|ten|model.trees must be a whole number, was 'ten'",
            "split|random|model.split must be one of temporal, stratified, was 'random'",
            "target|offence|model.target must be one of description, group, category, was 'offence'",
            "features|all|model.features must be one of default, paper, was 'all'",
    })
    void badValuesAreRefusedWithTheFieldAndValue(String key, String value, String message) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.of(Map.of("model." + key, value)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void featuresPerSplitIsCheckedAgainstTheFeatureSet() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(Target.DESCRIPTION,
                FeatureSet.PAPER, 50, 8, 5, 5, 100, Split.TEMPORAL, 42, 0));
        assertTrue(e.getMessage().contains("at most 4 for feature set paper"), e.getMessage());
    }

    @Test
    void roundTripsThroughFlatKeys() {
        TrainingSettings s = new TrainingSettings(Target.CATEGORY, FeatureSet.PAPER, 7, 3, 2, 4, 20,
                Split.STRATIFIED, 9, 1);
        Map<String, String> p = s.toProperties();
        assertEquals("7", p.get("model.trees"));
        assertEquals("category", p.get("model.target"));
        assertEquals(s, TrainingSettings.of(p));
    }

    @Test
    void missingKeysTakeTheDefaults() {
        Map<String, String> p = new HashMap<>(Map.of("model.trees", "12"));
        TrainingSettings s = TrainingSettings.of(p);
        assertEquals(12, s.trees());
        assertEquals(TrainingSettings.defaults().maxDepth(), s.maxDepth());
        assertEquals(TrainingSettings.defaults(), TrainingSettings.of(Map.of()));
    }

    @Test
    void missingKeysCanTakeAPresetInstead() {
        TrainingSettings s = TrainingSettings.of(Map.of("model.split", "stratified"), TrainingSettings.paper());
        assertEquals(15, s.maxDepth());
        assertEquals(Split.STRATIFIED, s.split());
    }

    @Test
    void withersChangeOneFieldAndKeepTheRest() {
        TrainingSettings d = TrainingSettings.defaults();
        TrainingSettings s = d.withTarget(Target.GROUP).withFeatureSet(FeatureSet.PAPER).withSplit(Split.STRATIFIED)
                .withTrees(7).withMaxDepth(3).withFeaturesPerSplit(2).withMinLeaf(4).withMinClassSize(20).withSeed(9)
                .withExecutionSlots(1);
        assertEquals(new TrainingSettings(Target.GROUP, FeatureSet.PAPER, 7, 3, 2, 4, 20, Split.STRATIFIED, 9, 1), s);
        assertEquals(d, d.withTrees(d.trees()));
        assertEquals(new TrainingSettings(Target.DESCRIPTION, FeatureSet.DEFAULT, 50, 15, 0, 1, 100, Split.TEMPORAL, 42, 0),
                TrainingSettings.paper(), "the paper's forest, as documented");
        var e = assertThrows(IllegalArgumentException.class, () -> d.withTrees(0));
        assertEquals("trees must be between 1 and 1000, was 0", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "trees must be between 1 and 1000, was 0|--trees must be between 1 and 1000, was 0|Trees must be between 1 and 1000, was 0",
            "maxDepth must be >= 0, was -1|--depth must be >= 0, was -1|Max depth must be >= 0, was -1",
            "feature set must be one of default, paper|--features must be one of default, paper|Feature set must be one of default, paper",
            "featuresPerSplit must be >= 0|--features-per-split must be >= 0|Features per split must be >= 0",
            "seedless text|seedless text|seedless text"})
    void oneTableNamesEachFieldForTheCommandLineAndTheForm(String message, String option, String label) {
        assertEquals(option, TrainingSettings.LABELS.withOptions(message));
        assertEquals(label, TrainingSettings.LABELS.withLabels(message));
    }

    @Test
    void presets() {
        TrainingSettings paper = TrainingSettings.preset("paper");
        assertEquals(50, paper.trees());
        assertEquals(15, paper.maxDepth());
        assertEquals(1, paper.minLeaf());
        assertEquals(42, paper.seed());
        assertEquals(2, paper.effectiveFeaturesPerSplit(), "square root of 5 features, rounded down");
        assertEquals(TrainingSettings.defaults(), TrainingSettings.preset("default"));
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.preset("fast"));
    }
}
