package org.beatwise.cli;

import java.util.List;
import java.util.Map;
import org.beatwise.api.ApiBenchPart;
import org.beatwise.bench.Bench;
import org.beatwise.bench.BenchOptions;
import org.beatwise.bench.ReportBenchPart;
import org.beatwise.wiring.AppInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures Beatwise's speed on this machine; figures as JSON with {@code --json}. */
@Command(name = "bench", description = "Measure import, training, prediction and hotspot speed on this machine.")
final class BenchCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--rows", paramLabel = "N", description = "Generated rows to import (default 1,000,000; 50,000 with --quick).")
    Long rows;
    @Option(names = "--dataset", paramLabel = "NAME", description = "A stored dataset for the model and hotspot figures.")
    String dataset;
    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed (default 42).")
    long seed;
    @Option(names = "--quick", description = "The hot paths (import, train, predict, hotspots) on small generated data, "
            + "in well under 30 s: run it before every commit that touches one of them.")
    boolean quick;
    @Option(names = "--api", description = "Measure only the local HTTP API: /predict latency and throughput at 1, 16 and"
            + " 64 clients, on a throw-away data home and a loopback port.")
    boolean api;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        long importRows = rows != null ? rows : quick ? BenchOptions.QUICK_ROWS : 1_000_000;
        BenchOptions opts = new BenchOptions(importRows, dataset, seed, quick);
        Map<String, Object> figures;
        try {
            Bench bench = api ? new Bench(AppInfo.version(), List.of(new ApiBenchPart()))
                    : quick ? Bench.quick(AppInfo.version(), seed)
                    : Bench.standard(AppInfo.version(), ctx.services().datasets())
                            .and(new ReportBenchPart(ctx.services().exports(), ctx.services().hotspots()));
            figures = bench.run(opts, ctx.progress());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder();
        figures.forEach((k, v) -> text.append(String.format("%-24s %s%n", k, v)));
        // a map, not a record: which figures there are depends on the parts that ran and on --dataset
        ctx.print(options.json, figures, text.toString().stripTrailing());
    }
}
