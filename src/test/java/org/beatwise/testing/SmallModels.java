package org.beatwise.testing;

import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.model.RandomForestTrainer;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingData;
import org.beatwise.model.TrainingSettings;
import org.beatwise.task.Progress;

/**
 * A real forest and real hotspots trained on 6,000 rows of {@link TestIncidents#compactCrimeTypes(int)}
 * (seed 42), for UI and view-model tests that need a model but not the real data. Built once per JVM.
 */
public final class SmallModels {

    public static final List<Incident> ROWS = TestIncidents.compactCrimeTypes(6000);
    public static final TrainedModel MODEL = train();
    public static final HotspotResult HOTSPOTS =
            new HotspotFinder().find(ROWS, HotspotSettings.defaults().withK(3).withBacktest(null), Progress.NONE);

    private SmallModels() { }

    private static TrainedModel train() {
        TrainingSettings s = TrainingSettings.defaults().withTrees(20).withMinClassSize(20);
        return new RandomForestTrainer().train(new TrainingData("synthetic-test", ROWS), s, Progress.NONE);
    }
}
