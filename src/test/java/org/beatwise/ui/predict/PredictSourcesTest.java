package org.beatwise.ui.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.beatwise.model.TrainingSettings;
import org.beatwise.task.Progress;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.MutableClock;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Predict & Map pane offers the saved models, the last one used first, and survives one it cannot read. */
class PredictSourcesTest {

    @TempDir
    Path home;

    @Test
    void lastUsedModelComesFirst() {
        try (Services s = new Services(new DataHome(home), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")))) {
            CrimeDemo.importInto(s, home.resolve("work"));
            TrainingSettings small = TrainingSettings.defaults().withTrees(5).withMaxDepth(6).withMinLeaf(20)
                    .withMinClassSize(20);
            s.models().train("alice", CrimeDemo.NAME, "a", small, Progress.NONE);
            s.models().train("alice", CrimeDemo.NAME, "b", small, Progress.NONE);
            assertEquals(List.of("b", "a"), PredictSources.modelNames(s.models()));
            ModelChoice a = PredictSources.model(s.models(), "a");
            assertEquals("a", a.name());
            assertEquals(List.of("a", "b"), PredictSources.modelNames(s.models()));
            assertNull(PredictSources.model(s.models(), "gone"));
        }
    }
}
