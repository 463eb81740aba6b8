package org.beatwise.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.domain.IncidentSource;
import org.beatwise.task.Progress;

/**
 * Runs every bench part in order and returns one flat map of figures, so that speed is measured the
 * same way on every station and in CI, never in timed unit tests.
 */
public final class Bench {

    private final String version;
    private final List<BenchPart> parts;

    public Bench(String version, List<BenchPart> parts) {
        this.version = version;
        this.parts = List.copyOf(parts);
    }

    /** The parts shipped with Beatwise, in the order they run; model and hotspot figures read {@code incidents}. */
    public static Bench standard(String version, IncidentSource incidents) {
        return new Bench(version, List.of(new ImportBenchPart(), new ModelBenchPart(incidents), new HotspotBenchPart(incidents),
                new ProfileBenchPart()));
    }

    /** These parts and then {@code part}: for parts that need services the standard set is not given. */
    public Bench and(BenchPart part) {
        List<BenchPart> all = new java.util.ArrayList<>(parts);
        all.add(part);
        return new Bench(version, all);
    }

    /**
     * {@code bench --quick}: the hot paths (import, train, predict, hotspots) on small generated data in
     * well under 30 seconds, for a developer to run before every commit that touches one of them.
     * The station's datasets are never read; the figures are comparable across machines and commits,
     * not with the full bench's.
     */
    public static Bench quick(String version, long seed) {
        QuickData data = new QuickData(seed, QuickData.ROWS);
        return new Bench(version, List.of(new ImportBenchPart(),
                new ModelBenchPart(data, ModelBenchPart.QUICK_PREDICTIONS), new QuickHotspotBenchPart(data)));
    }

    public Map<String, Object> run(BenchOptions options, Progress progress) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("beatwise_version", version);
        figures.put("java_version", System.getProperty("java.version"));
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        BenchOptions partOptions = options;
        if (options.quick()) {
            figures.put("quick", true);
            partOptions = new BenchOptions(options.rows(), QuickData.DATASET, options.seed(), false);
        }
        for (BenchPart part : parts) {
            progress.checkCancelled();
            part.measure(partOptions, progress, figures);
        }
        return figures;
    }
}
