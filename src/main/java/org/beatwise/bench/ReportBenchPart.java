package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;
import org.beatwise.export.BriefingDocument;
import org.beatwise.export.BriefingRequest;
import org.beatwise.export.ExportService;
import org.beatwise.export.Exported;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.RadiusRule;
import org.beatwise.task.Progress;

/**
 * {@code report_s}: a shift briefing for the stored dataset, from laying out the pages to the PDF on disk.
 * A coverage set (ten 250 m circles, one backtest window) is made and saved for it first, outside the
 * timing, and deleted afterwards; the figure is the best of three runs after a warm-up.
 */
public final class ReportBenchPart implements BenchPart {

    static final String SET = "bench-report (temporary)";
    private static final int RUNS = 3;

    private final ExportService exports;
    private final HotspotService hotspots;

    public ReportBenchPart(ExportService exports, HotspotService hotspots) {
        this.exports = exports;
        this.hotspots = hotspots;
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures) throws IOException {
        if (options.dataset() == null) {
            return; // a briefing is about a stored dataset's hotspot set
        }
        Actor bench = new Actor("bench", Role.ADMIN);
        progress.update(0, 1, "report: a coverage set to brief on");
        HotspotSettings settings = HotspotSettings.defaults().withMethod(MethodChoice.COVERAGE).withSeed((int) options.seed())
                .withRadius(new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M));
        hotspots.delete(bench, SET);
        hotspots.save(bench.name(), SET, options.dataset(), hotspots.run(bench.name(), options.dataset(), settings, Progress.NONE));
        Path dir = Files.createTempDirectory("beatwise-bench-report");
        try {
            BriefingRequest request = new BriefingRequest(options.dataset(), SET, null, "bench");
            progress.update(0, 1, "report: shift briefing");
            Exported last = null;
            double best = Double.MAX_VALUE;
            for (int run = 0; run <= RUNS; run++) {
                Path file = dir.resolve("brief-" + run + ".pdf");
                long t = System.nanoTime();
                BriefingDocument doc = exports.prepareBriefing(bench, request);
                last = exports.save(bench, doc, file, false);
                double s = Math.round((System.nanoTime() - t) / 1e6) / 1000.0;
                if (run > 0) {
                    best = Math.min(best, s); // run 0 is the warm-up
                }
            }
            figures.put("report_s", best);
            figures.put("report_pages", last.items());
            figures.put("report_bytes", last.bytes());
        } finally {
            hotspots.delete(bench, SET);
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
