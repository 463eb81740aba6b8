package org.beatwise.cli;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beatwise.hotspot.Backtest;
import org.beatwise.hotspot.DistrictHitRate;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.HotspotProvenance;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotSetSummary;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.Kernel;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.MethodScore;
import org.beatwise.hotspot.MethodSummary;
import org.beatwise.hotspot.RadiusRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Hotspots on a dataset by the chosen method, judged on a future period (rolling windows) against the others. */
@Command(name = "hotspots", description = "Find hotspots (coverage circles, K-Means, KDE, Gi* or grid cells) and judge them"
        + " on the future with a rolling backtest; 'hotspots list' shows the saved sets.",
        subcommands = HotspotsCommand.ListSets.class)
final class HotspotsCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    // required unless the 'list' subcommand runs (picocli would demand it there too), so checked in run()
    @Option(names = "--dataset", paramLabel = "NAME", description = "The dataset (required).") String dataset;
    @Spec CommandSpec spec;
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
    @Option(names = "--method", defaultValue = "auto", paramLabel = "M",
            description = "auto (default: the backtest picks coverage or kmeans), coverage, kmeans, kde, gistar or grid.")
    String method;
    @Option(names = "--windows", defaultValue = "1", description = "Rolling test windows, each trained on everything before it"
            + " (default 1: one split, see --test-from).") int windows;
    @Option(names = "--window-days", defaultValue = "30", description = "Days in each test window (default 30).") int windowDays;
    @Option(names = "--half-life-days", paramLabel = "N", description = "KDE recency weighting: an incident N days old counts half.")
    Double halfLifeDays;
    @Option(names = "--kernel", defaultValue = "gaussian", description = "KDE kernel: gaussian (default) or quartic.") String kernel;
    @Option(names = "--bandwidths-m", split = ",", paramLabel = "M,M", description = "KDE bandwidths the backtest chooses from"
            + " (default 50,100,200).") List<Double> bandwidths;
    @Option(names = "--gi-band-cells", defaultValue = "1.5", paramLabel = "CELLS", description = "Gi* distance band in grid"
            + " cells (default 1.5: a cell and its eight neighbours; 1 to 10).") double giBandCells;
    @Option(names = "--compare", description = "Judge every method, not only the chosen one and K-Means.") boolean compare;
    @Option(names = "--name", paramLabel = "SET", description = "Save the result as a named hotspot set for the map and alerts.")
    String name;

    static final class Radius {
        @Option(names = "--radius-share", description = "Radius holding this share of a hotspot's incidents (default 0.8).")
        Double share;
        @Option(names = "--radius-m", description = "Fixed radius in metres (default 250).")
        Double metres;
    }

    /** The JSON document of this command. */
    record Output(String dataset, String savedAs, String method, int rowsUsed, double sse, List<Hotspot> hotspots,
                  List<HotCell> cells, Evaluation evaluation, List<String> notes, Map<String, String> settings,
                  HotspotProvenance provenance) { }

    HotspotsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        if (dataset == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--dataset=NAME'");
        }
        HotspotSettings d = HotspotSettings.defaults();
        // The issue's default is 250 m circles: patrol-sized, and the area every method is judged at.
        RadiusRule rule = radius == null || (radius.share == null && radius.metres == null)
                ? new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M)
                : radius.metres != null ? new RadiusRule.Fixed(radius.metres) : new RadiusRule.Share(radius.share);
        HotspotSettings settings = d.withK(k).withRestarts(restarts).withSeed(seed).withRadius(rule)
                .withFilter(d.filter().withDates(from, to).withOffences(new LinkedHashSet<>(offences)))
                .withBacktest(Backtest.defaults().withTestFrom(testFrom).withCellSize(cellM).withWindows(windows, windowDays))
                .withMethod(MethodChoice.parse(method)).withCompare(compare).withGiBandCells(giBandCells)
                .withKde(Kernel.parse(kernel), bandwidths == null ? d.bandwidthsM() : bandwidths, d.kdeCellM(), halfLifeDays);
        var service = ctx.services().hotspots();
        HotspotResult result = service.run(ctx.actor(), dataset, settings, ctx.progress());
        if (name != null) {
            service.save(ctx.actor(), name, dataset, result);
        }
        Output out = new Output(dataset, name, result.method().key(), result.rowsUsed(), result.sse(), result.hotspots(),
                result.cells(), result.evaluation(), result.notes(), settings.toProperties(), result.provenance());
        ctx.print(options.json, out, text(out));
    }

    /** The saved hotspot sets, newest first, with the method that made each. */
    @Command(name = "list", description = "List the saved hotspot sets, newest first, with the method that made each.")
    static final class ListSets implements Runnable {

        private final CliContext ctx;
        @Mixin CommonOptions options;

        ListSets(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<HotspotSetSummary> sets = ctx.services().hotspots().list();
            StringBuilder sb = new StringBuilder();
            if (sets.isEmpty()) {
                sb.append("No saved hotspot sets. Save one with 'beatwise hotspots --dataset NAME --name SET'.");
            } else {
                sb.append(String.format(Locale.ROOT, "%-32s %-24s %-9s %3s %5s %8s  %s%n", "NAME", "DATASET", "METHOD", "K",
                        "SEED", "ROWS", "CREATED"));
                for (HotspotSetSummary s : sets) {
                    sb.append(String.format(Locale.ROOT, "%-32s %-24s %-9s %3d %5d %,8d  %s by %s%n", s.name(), s.dataset(),
                            s.method(), s.k(), s.seed(), s.rowsUsed(), s.createdAt().toString().substring(0, 16), s.createdBy()));
                }
            }
            ctx.print(options.json, sets, sb.toString().stripTrailing());
        }
    }

    private static String text(Output o) {
        StringBuilder sb = new StringBuilder();
        if (!o.hotspots().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%d %s hotspots from %,d incidents, SSE %.4g m²%n", o.hotspots().size(),
                    o.method(), o.rowsUsed(), o.sse()));
            // inside: within the circle (the offences describe these); nearest: nearer this centre than any other
            sb.append(String.format(Locale.ROOT, "%4s %10s %11s %8s %7s %7s  %s%n", "#", "lat", "lon", "radius", "inside",
                    "nearest", "top offences inside"));
            for (Hotspot h : o.hotspots()) {
                sb.append(String.format(Locale.ROOT, "%4d %10.5f %11.5f %6.0f m %7d %7d  %s%n", h.rank(), h.lat(), h.lon(),
                        h.radiusM(), h.inside(), h.count(), h.topOffences().stream().map(x -> x.offence()).toList()));
            }
        } else {
            sb.append(String.format(Locale.ROOT, "%d %s cells from %,d incidents%n", o.cells().size(), o.method(), o.rowsUsed()));
            sb.append(String.format(Locale.ROOT, "%4s %10s %11s %10s %7s%n", "#", "south", "west", "score", "count"));
            o.cells().stream().limit(10).forEach(c -> sb.append(String.format(Locale.ROOT, "%4d %10.5f %11.5f %10.2f %7d%s%n",
                    c.rank(), c.south(), c.west(), c.score(), c.count(),
                    c.confidence() == null ? "" : "  hot spot at " + c.confidence() + " %")));
        }
        Evaluation e = o.evaluation();
        if (e != null) {
            sb.append(String.format(Locale.ROOT, "Judged on %,d incidents from %s (fitted on %,d before):%n",
                    e.testCount(), e.testFrom().toLocalDate(), e.trainCount()));
            for (MethodScore m : List.of(e.kmeans(), e.grid())) {
                sb.append(String.format(Locale.ROOT, "  %-8s caught %5.1f %% in %6.2f km², PAI %5.1f%n", m.method(),
                        100 * m.hitRate(), m.areaKm2(), m.pai()));
            }
            if (!e.methods().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "Backtest over %d window(s):%n", e.windows().size()));
                for (MethodSummary m : e.methods()) {
                    sb.append(String.format(Locale.ROOT, "  %-8s caught %5.1f %% ± %4.1f in %6.2f km² (%4.1f areas), PAI %5.1f,"
                            + " PEI %4.2f%s%n", m.method(), 100 * m.hitRate(), 100 * m.hitRateSd(), m.areaKm2(), m.areas(),
                            m.pai(), m.pei(), m.variant().isEmpty() ? "" : "  " + m.variant()));
                }
            }
            sb.append("Method: ").append(e.chosen()).append(" (").append(e.chosenBecause()).append(")\n");
            if (!e.districts().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "By district (%s, test windows pooled; grid at the same area):%n",
                        e.chosen()));
                sb.append(String.format(Locale.ROOT, "  %-10s %9s %7s %6s %8s %6s  %s%n", "DISTRICT", "INCIDENTS", "SHARE",
                        "HITS", "HIT RATE", "GRID", "NOTE"));
                for (DistrictHitRate d : e.districts()) {
                    sb.append(String.format(Locale.ROOT, "  %-10s %,9d %6.1f%% %,6d %7.1f%% %5.1f%%  %s%n", d.district(),
                            d.testIncidents(), 100 * d.share(), d.hits(), 100 * d.hitRate(), 100 * d.gridHitRate(),
                            d.note()));
                }
            }
        }
        o.notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
        if (o.savedAs() != null) {
            sb.append("Saved as hotspot set '").append(o.savedAs()).append("'.\n");
        }
        return sb.toString().stripTrailing();
    }
}
