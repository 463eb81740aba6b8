package org.beatwise.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beatwise.alert.PredictionCheck;
import org.beatwise.alert.Zone;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.model.TrainingSettings;
import org.beatwise.task.Progress;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;

/**
 * A station with generated (synthetic) data, built through the real importer, hotspot finder and
 * trainer: dataset {@value #DATASET} (6,000 generated rows, seed 42), a circle set {@value #CIRCLES},
 * a Gi* cell set {@value #CELLS}, a small model {@value #MODEL} and a few alerts.
 */
final class SyntheticStation {

    static final String DATASET = "synth";
    static final String CIRCLES = "synth-circles";
    static final String CELLS = "synth-cells";
    static final String MODEL = "synth-model";
    static final String ANALYST = "ana";

    private SyntheticStation() { }

    static Services build(Path dir, MutableClock clock) {
        Services s = TestHomes.fast(dir.resolve("home"), clock);
        try {
            Path csv = Files.createDirectories(dir.resolve("in")).resolve("generated.csv");
            SyntheticGenerator.write(GeneratorSettings.defaults(6000), csv, Progress.NONE);
            s.imports().importFiles(ANALYST, new ImportRequest(List.of(csv), DATASET, ImportOptions.defaults(), true),
                    Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HotspotSettings circles = HotspotSettings.defaults().withK(6).withRestarts(3);
        s.hotspots().save(ANALYST, CIRCLES, DATASET, s.hotspots().run(ANALYST, DATASET, circles, Progress.NONE));
        HotspotSettings cells = HotspotSettings.defaults().withMethod(MethodChoice.GISTAR);
        s.hotspots().save(ANALYST, CELLS, DATASET, s.hotspots().run(ANALYST, DATASET, cells, Progress.NONE));
        s.models().train(ANALYST, DATASET, MODEL, TrainingSettings.defaults().withTrees(20).withMinClassSize(20), Progress.NONE);
        // alerts at places well apart, so none is a repeat of another
        for (int i = 0; i < 3; i++) {
            double lat = 42.30 + 0.01 * i;
            s.alerts().check(ANALYST, new PredictionCheck(lat, -71.07, "LARCENY", 0.99),
                    List.of(new Zone("zone " + i, lat, -71.07, 250)), MODEL, CIRCLES);
        }
        return s;
    }
}
