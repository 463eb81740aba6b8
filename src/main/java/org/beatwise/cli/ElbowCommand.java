package org.beatwise.cli;

import java.util.Locale;
import org.beatwise.hotspot.ElbowPoint;
import org.beatwise.hotspot.ElbowResult;
import org.beatwise.hotspot.HotspotSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** SSE for a range of k, with the knee: how many hotspots the data supports. */
@Command(name = "elbow", description = "K-Means SSE for k = kmin…kmax and the knee of the curve.")
final class ElbowCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--dataset", required = true, paramLabel = "NAME") String dataset;
    @Option(names = "--kmin", defaultValue = "2") int kMin;
    @Option(names = "--kmax", defaultValue = "20") int kMax;
    @Option(names = "--restarts", defaultValue = "10") int restarts;
    @Option(names = "--seed", defaultValue = "42") int seed;

    ElbowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        HotspotSettings settings = HotspotSettings.defaults().withRestarts(restarts).withSeed(seed);
        ElbowResult r = ctx.services().hotspots().elbow(dataset, settings, kMin, kMax, ctx.progress());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4s %14s%n", "k", "SSE (m²)"));
        for (ElbowPoint p : r.points()) {
            sb.append(String.format(Locale.ROOT, "%4d %14.4g%s%n", p.k(), p.sse(), p.k() == r.kneeK() ? "  <- knee" : ""));
        }
        ctx.print(options.json, r, sb.toString().stripTrailing());
    }
}
