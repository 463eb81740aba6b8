package org.beatwise.wiring;

import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.importing.ImportResult;
import org.beatwise.importing.ImportService;
import org.beatwise.model.ModelService;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingSettings;
import org.beatwise.task.Progress;

/**
 * A workshop in a minute: the synthetic demo dataset, a model and a hotspot set for it, all built on
 * the station (nothing ships as a binary) with the default settings and seed, so every station gets
 * the same figures.
 */
public final class DemoSetup {

    public static final String MODEL = "demo-model";
    public static final String HOTSPOTS = "demo-hotspots";

    private final ImportService imports;
    private final ModelService models;
    private final HotspotService hotspots;

    public DemoSetup(ImportService imports, ModelService models, HotspotService hotspots) {
        this.imports = imports;
        this.models = models;
        this.hotspots = hotspots;
    }

    /** What the demo set-up made. */
    public record Result(ImportResult imported, String model, String hotspotSet) { }

    public Result run(String actor, Progress progress) {
        ImportResult imported = imports.loadDemo(actor, progress.slice(0, 0.4));
        String dataset = imported.dataset();
        TrainedModel model = models.list().stream().anyMatch(m -> m.name().equals(MODEL))
                ? models.load(MODEL)
                : models.train(actor, dataset, MODEL, TrainingSettings.defaults(), progress.slice(0.4, 0.85));
        if (hotspots.load(HOTSPOTS).isEmpty()) {
            HotspotResult result = hotspots.run(actor, dataset, HotspotSettings.defaults(), progress.slice(0.85, 1));
            hotspots.save(actor, HOTSPOTS, dataset, result);
        }
        progress.update(1, 1, "demo ready");
        return new Result(imported, model.name(), HOTSPOTS);
    }
}
