package org.beatwise.bench;

import java.util.List;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.RadiusRule;
import org.beatwise.task.Progress;

/**
 * The hotspot hot paths for {@code bench --quick}: one K-Means fit (k = 10, 10 restarts) and one
 * coverage run (ten 250 m circles) on the quick data, each timed once after a warm-up. The full
 * figures (elbow, backtest, distinct coordinates) are {@link HotspotBenchPart}'s.
 */
final class QuickHotspotBenchPart implements BenchPart {

    private final IncidentSource source;

    QuickHotspotBenchPart(IncidentSource source) {
        this.source = source;
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures) {
        List<Incident> rows = source.incidents(options.dataset());
        HotspotFinder finder = new HotspotFinder();
        HotspotSettings kmeans = HotspotSettings.defaults().withMethod(MethodChoice.KMEANS)
                .withSeed((int) options.seed()).withBacktest(null);
        HotspotSettings coverage = kmeans.withMethod(MethodChoice.COVERAGE)
                .withRadius(new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M));
        progress.update(0, 1, "hotspots: K-Means and coverage on " + rows.size() + " incidents");
        figures.put("kmeans_rows", rows.size());
        figures.put("kmeans_s", warmedOnce(() -> finder.find(rows, kmeans, Progress.NONE)));
        figures.put("coverage_s", warmedOnce(() -> finder.run(rows, coverage, List.of(), Progress.NONE)));
    }

    private static double warmedOnce(Runnable work) {
        work.run();
        long t = System.nanoTime();
        work.run();
        return Math.round((System.nanoTime() - t) / 1e6) / 1000.0;
    }
}
