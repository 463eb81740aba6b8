package org.beatwise.bench;

import java.util.List;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.task.Progress;

/**
 * Hotspot figures on a stored dataset: {@code kmeans_s} (k = 10, 10 restarts, no evaluation) and
 * {@code elbow_s} (k = 2…20). Each is the best of three runs after one warm-up, so JIT compilation
 * and a busy neighbour do not decide the figure.
 */
final class HotspotBenchPart implements BenchPart {

    private static final int RUNS = 3;

    private final IncidentSource source;

    HotspotBenchPart(IncidentSource incidents) {
        this.source = incidents;
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures) {
        if (options.dataset() == null) {
            return;
        }
        List<Incident> incidents = source.incidents(options.dataset());
        HotspotSettings settings = HotspotSettings.defaults().withSeed((int) options.seed()).withBacktest(null);
        HotspotFinder finder = new HotspotFinder();
        progress.update(0, 1, "hotspots: K-Means on " + incidents.size() + " incidents");
        double[] sse = new double[1];
        figures.put("kmeans_rows", incidents.size());
        figures.put("kmeans_s", best(() -> sse[0] = finder.find(incidents, settings, Progress.NONE).sse()));
        figures.put("kmeans_sse_m2", sse[0]);
        progress.update(0, 1, "hotspots: elbow k = 2…20");
        figures.put("elbow_s", best(() -> finder.elbow(incidents, settings, 2, 20, Progress.NONE)));
    }

    private static double best(Runnable work) {
        work.run(); // warm-up
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return Math.round(best * 1000) / 1000.0;
    }
}
