package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.hotspot.Backtest;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.Kernel;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.RadiusRule;
import org.beatwise.importing.DuplicateFilter;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.IncidentReader;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.task.Progress;

/**
 * Hotspot figures. On the stored dataset: {@code kmeans_s} (k = 10, 10 restarts, no evaluation),
 * {@code elbow_s} (k = 2…20) and {@code backtest_s} (every method, 12 windows of 30 days). On 50,000
 * generated incidents (seed 42, a temporary folder) whose coordinates are nearly all distinct, unlike
 * the Boston exports: {@code kmeans_distinct_s}, {@code elbow_distinct_s}, {@code coverage_s} (ten
 * 250 m circles) and {@code kde_s} (100 m bandwidth on 50 m cells over the whole city). Quick figures
 * are the best of three runs after one warm-up, so JIT compilation and a busy neighbour do not decide
 * them; the two slow ones (the distinct elbow, the backtest) are one run after the warm-up of the rest.
 */
final class HotspotBenchPart implements BenchPart {

    private static final int RUNS = 3;
    static final int DISTINCT_ROWS = 50_000;

    private final IncidentSource source;

    HotspotBenchPart(IncidentSource incidents) {
        this.source = incidents;
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures) throws IOException {
        HotspotFinder finder = new HotspotFinder();
        HotspotSettings kmeans = HotspotSettings.defaults().withMethod(MethodChoice.KMEANS)
                .withSeed((int) options.seed()).withBacktest(null);
        if (options.dataset() == null) {
            return; // the hotspot figures belong to a hotspot run: with a dataset, as the issue measures them
        }
        measureDistinct(finder, kmeans, progress, figures);
        List<Incident> incidents = source.incidents(options.dataset());
        progress.update(0, 1, "hotspots: K-Means on " + incidents.size() + " incidents");
        double[] sse = new double[1];
        figures.put("kmeans_rows", incidents.size());
        figures.put("kmeans_s", best(() -> sse[0] = finder.find(incidents, kmeans, Progress.NONE).sse()));
        figures.put("kmeans_sse_m2", sse[0]);
        progress.update(0, 1, "hotspots: elbow k = 2…20");
        figures.put("elbow_s", best(() -> finder.elbow(incidents, kmeans, 2, 20, Progress.NONE)));
        progress.update(0, 1, "hotspots: 12-window backtest of every method");
        HotspotSettings backtest = kmeans.withMethod(MethodChoice.AUTO).withCompare(true)
                .withRadius(new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M))
                .withBacktest(Backtest.defaults().withWindows(12, 30));
        figures.put("backtest_s", once(() -> finder.run(incidents, backtest, List.of(), Progress.NONE)));
    }

    private static void measureDistinct(HotspotFinder finder, HotspotSettings kmeans, Progress progress,
                                        Map<String, Object> figures) throws IOException {
        progress.update(0, 1, "hotspots: generating " + DISTINCT_ROWS + " incidents with distinct coordinates");
        List<Incident> rows = generated();
        figures.put("distinct_rows", rows.size());
        progress.update(0, 1, "hotspots: K-Means on distinct coordinates");
        figures.put("kmeans_distinct_s", best(() -> finder.find(rows, kmeans, Progress.NONE)));
        HotspotSettings coverage = kmeans.withMethod(MethodChoice.COVERAGE)
                .withRadius(new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M));
        progress.update(0, 1, "hotspots: coverage on distinct coordinates");
        figures.put("coverage_s", best(() -> finder.run(rows, coverage, List.of(), Progress.NONE)));
        HotspotSettings kde = coverage.withMethod(MethodChoice.KDE).withKde(Kernel.GAUSSIAN, List.of(100.0), 50, null);
        progress.update(0, 1, "hotspots: KDE on distinct coordinates");
        figures.put("kde_s", best(() -> finder.run(rows, kde, List.of(), Progress.NONE)));
        progress.update(0, 1, "hotspots: elbow on distinct coordinates");
        figures.put("elbow_distinct_s", once(() -> finder.elbow(rows, kmeans, 2, 20, Progress.NONE)));
    }

    /** The generator's rows read by the real reader, from a temporary folder deleted afterwards. */
    static List<Incident> generated() throws IOException {
        Path dir = Files.createTempDirectory("beatwise-bench-hotspots");
        Path csv = dir.resolve("distinct.csv");
        try {
            SyntheticGenerator.write(GeneratorSettings.defaults(DISTINCT_ROWS).withSeed(GeneratorSettings.DEFAULT_SEED), csv,
                    Progress.NONE);
            List<Incident> rows = new ArrayList<>();
            new IncidentReader(ImportOptions.defaults()).read(csv, DuplicateFilter.empty(), r -> rows.add(r.incident()),
                    Progress.NONE);
            return rows;
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
    }

    private static double best(Runnable work) {
        work.run(); // warm-up
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            best = Math.min(best, once(work));
        }
        return best;
    }

    private static double once(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return Math.round((System.nanoTime() - t) / 1e6) / 1000.0;
    }
}
