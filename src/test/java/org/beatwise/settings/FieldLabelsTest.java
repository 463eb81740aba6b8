package org.beatwise.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.beatwise.settings.FieldLabels.Field;
import org.junit.jupiter.api.Test;

class FieldLabelsTest {

    private final FieldLabels labels = FieldLabels.of(new Field("feature", "--feature", "Feature"),
            new Field("feature set", "--features", "Feature set"), new Field("maxDepth", "--depth", "Max depth"));

    @Test
    void onlyTheWholeFieldAtTheStartIsRenamed() {
        assertEquals("--depth must be >= 0", labels.withOptions("maxDepth must be >= 0"));
        assertEquals("Max depth must be >= 0", labels.withLabels("maxDepth must be >= 0"));
        assertEquals("maxDepthX must be >= 0", labels.withLabels("maxDepthX must be >= 0"));
        assertEquals("the maxDepth is wrong", labels.withLabels("the maxDepth is wrong"));
        assertNull(labels.withOptions(null));
    }

    @Test
    void theLongestMatchingFieldWins() {
        assertEquals("--features must be one of default, paper", labels.withOptions("feature set must be one of default, paper"));
        assertEquals("--feature must be set", labels.withOptions("feature must be set"));
    }

    @Test
    void singleNamesFallBackToTheFieldName() {
        assertEquals("--depth", labels.option("maxDepth"));
        assertEquals("Max depth", labels.label("maxDepth"));
        assertEquals("seed", labels.label("seed"));
    }
}
