package org.beatwise.cli;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beatwise.hotspot.Backtest;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotProvenance;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.MethodScore;
import org.beatwise.hotspot.RadiusRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** K-Means hotspots on a dataset, judged on a future period against an equal-area grid. */
@Command(name = "hotspots", description = "Find K-Means hotspots and judge them on a future period against a grid baseline.")
final class HotspotsCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--dataset", required = true, paramLabel = "NAME") String dataset;
    @Option(names = "--k", defaultValue = "10", description = "Number of hotspots, 2–50 (default 10).") int k;
    @Option(names = "--restarts", defaultValue = "10", description = "K-Means restarts, best SSE kept (default 10).") int restarts;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the first restart (default 42).") int seed;
    @ArgGroup(exclusive = true) Radius radius;
    @Option(names = "--from", paramLabel = "DATE", description = "Only incidents on or after this date.") LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "Only incidents on or before this date.") LocalDate to;
    @Option(names = "--test-from", paramLabel = "DATE",
            description = "Judge on incidents from this date on (default: the last 20%% of the time span).") LocalDate testFrom;
    @Option(names = "--offence", paramLabel = "X", description = "Only this offence (description, group or code); repeatable.")
    List<String> offences = List.of();
    @Option(names = "--cell-m", defaultValue = "150", description = "Grid baseline cell size in metres (default 150).") double cellM;
    @Option(names = "--name", paramLabel = "SET", description = "Save the result as a named hotspot set for the map and alerts.")
    String name;

    static final class Radius {
        @Option(names = "--radius-share", description = "Radius holding this share of a hotspot's incidents (default 0.8).")
        Double share;
        @Option(names = "--radius-m", description = "Fixed radius in metres.")
        Double metres;
    }

    /** The JSON document of this command. */
    record Output(String dataset, String savedAs, int rowsUsed, double sse, List<Hotspot> hotspots, Evaluation evaluation,
                  List<String> notes, Map<String, String> settings, HotspotProvenance provenance) { }

    HotspotsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        HotspotSettings d = HotspotSettings.defaults();
        RadiusRule rule = radius == null || (radius.share == null && radius.metres == null) ? d.radius()
                : radius.metres != null ? new RadiusRule.Fixed(radius.metres) : new RadiusRule.Share(radius.share);
        HotspotSettings settings = d.withK(k).withRestarts(restarts).withSeed(seed).withRadius(rule)
                .withFilter(d.filter().withDates(from, to).withOffences(new LinkedHashSet<>(offences)))
                .withBacktest(Backtest.defaults().withTestFrom(testFrom).withCellSize(cellM));
        var service = ctx.services().hotspots();
        HotspotResult result = service.run(ctx.actor(), dataset, settings, ctx.progress());
        if (name != null) {
            service.save(ctx.actor(), name, dataset, result);
        }
        Output out = new Output(dataset, name, result.rowsUsed(), result.sse(), result.hotspots(), result.evaluation(),
                result.notes(), settings.toProperties(), result.provenance());
        ctx.print(options.json, out, text(out));
    }

    private static String text(Output o) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d hotspots from %,d incidents, SSE %.4g m²%n",
                o.hotspots().size(), o.rowsUsed(), o.sse()));
        sb.append(String.format(Locale.ROOT, "%4s %10s %11s %8s %7s  %s%n", "#", "lat", "lon", "radius", "count", "top offences"));
        for (Hotspot h : o.hotspots()) {
            sb.append(String.format(Locale.ROOT, "%4d %10.5f %11.5f %6.0f m %7d  %s%n", h.rank(), h.lat(), h.lon(), h.radiusM(),
                    h.count(), h.topOffences().stream().map(x -> x.offence()).toList()));
        }
        Evaluation e = o.evaluation();
        if (e != null) {
            sb.append(String.format(Locale.ROOT, "Judged on %,d incidents from %s (fitted on %,d before):%n",
                    e.testCount(), e.testFrom().toLocalDate(), e.trainCount()));
            for (MethodScore m : List.of(e.kmeans(), e.grid())) {
                sb.append(String.format(Locale.ROOT, "  %-8s caught %5.1f %% in %6.2f km², PAI %5.1f%n", m.method(),
                        100 * m.hitRate(), m.areaKm2(), m.pai()));
            }
        }
        o.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        if (o.savedAs() != null) {
            sb.append("Saved as hotspot set '").append(o.savedAs()).append("'.\n");
        }
        return sb.toString().stripTrailing();
    }
}
