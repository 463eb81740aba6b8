package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeats the measurement behind {@link SafeObjectInput#ALLOWED} on one real year: trains the default and
 * paper presets (and the paper's feature set), records every class the stream asks about, and checks the
 * allow-list is exactly that set, so a Weka upgrade that needs a new class fails here, not on a station.
 */
@Tag("real")
class BundleClassesRealTest {

    @TempDir
    Path dir;

    @Test
    void theAllowListIsExactlyWhatRealForestsAreMadeOf() throws Exception {
        List<Incident> rows = BostonData.mattapan(2016);
        Set<String> seen = new TreeSet<>();
        List<TrainingSettings> presets = List.of(TrainingSettings.defaults(), TrainingSettings.paper(),
                TrainingSettings.of(Map.of("model.features", "paper"), TrainingSettings.paper()));
        int n = 0;
        for (TrainingSettings s : presets) {
            TrainedModel m = new RandomForestTrainer().train(new TrainingData("mattapan", rows), s, Progress.NONE);
            Path file = dir.resolve("m" + n++ + ModelBundle.EXTENSION);
            ModelBundle.write(m, file);
            byte[] forest = Zips.read(file).get(ModelBundle.FOREST);
            try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(forest)))) {
                in.setObjectInputFilter(info -> {
                    if (info.serialClass() != null) {
                        seen.add(info.serialClass().getName());
                    }
                    return ObjectInputFilter.Status.UNDECIDED;
                });
                in.readObject();
            }
            TrainedModel loaded = ModelBundle.read(file);
            assertEquals(m.predictor().classes(), loaded.predictor().classes(), "a real bundle still loads");
        }
        assertTrue(SafeObjectInput.ALLOWED.containsAll(seen), "needed but not allowed: " + minus(seen, SafeObjectInput.ALLOWED));
        assertEquals(new TreeSet<>(SafeObjectInput.ALLOWED), seen, "allowed but never needed: "
                + minus(SafeObjectInput.ALLOWED, seen));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
