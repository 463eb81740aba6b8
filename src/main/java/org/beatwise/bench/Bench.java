package org.beatwise.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.app.AppInfo;
import org.beatwise.app.Services;
import org.beatwise.task.Progress;

/**
 * Runs every bench part in order and returns one flat map of figures, so that speed is measured the
 * same way on every station and in CI, never in timed unit tests.
 */
public final class Bench {

    private final List<BenchPart> parts;

    public Bench(List<BenchPart> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The parts shipped with Beatwise, in the order they run. */
    public static Bench standard() {
        return new Bench(List.of(new ImportBenchPart(), new ModelBenchPart(), new HotspotBenchPart()));
    }

    public Map<String, Object> run(Services services, BenchOptions options, Progress progress) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("beatwise_version", AppInfo.version());
        figures.put("java_version", System.getProperty("java.version"));
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        for (BenchPart part : parts) {
            progress.checkCancelled();
            part.measure(services, options, progress, figures);
        }
        return figures;
    }
}
