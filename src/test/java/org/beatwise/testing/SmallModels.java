package org.beatwise.testing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * A small seeded synthetic dataset with a real forest and real hotspots trained on it, for UI and
 * view-model tests that need a model but not the real data. Built once per JVM.
 */
public final class SmallModels {

    public static final List<Incident> ROWS = rows();
    public static final TrainedModel MODEL = train();
    public static final HotspotResult HOTSPOTS =
            new HotspotFinder().find(ROWS, HotspotSettings.defaults().withK(3).withBacktest(null), Progress.NONE);

    private SmallModels() { }

    /** Fourteen offence types with a skew, spread north–south by type around Mattapan. */
    private static List<Incident> rows() {
        Random r = new Random(42);
        List<Incident> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < 6000; i++) {
            int type = Math.min(13, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3));
            double lat = 42.30 + type * 0.002 + r.nextGaussian() * 0.004;
            double lon = -71.08 + r.nextGaussian() * 0.004;
            LocalDateTime t = start.plusMinutes(r.nextInt(60 * 24 * 365));
            rows.add(new Incident("I" + i, t, lat, lon, "TYPE " + type, "" + type, "G", "B3", i + 2));
        }
        return List.copyOf(rows);
    }

    private static TrainedModel train() {
        TrainingSettings d = TrainingSettings.defaults();
        TrainingSettings s = new TrainingSettings(d.target(), d.featureSet(), 20, d.maxDepth(), d.featuresPerSplit(),
                d.minLeaf(), 20, d.split(), d.seed(), d.executionSlots());
        return new RandomForestTrainer().train(new TrainingData("synthetic-test", ROWS), s, Progress.NONE);
    }
}
