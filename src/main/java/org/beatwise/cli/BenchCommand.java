package org.beatwise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beatwise.api.ApiBenchPart;
import org.beatwise.bench.Bench;
import org.beatwise.bench.BenchOptions;
import org.beatwise.bench.ModelBenchPart;
import org.beatwise.bench.ReportBenchPart;
import org.beatwise.bench.ScaleBenchPart;
import org.beatwise.store.Engine;
import org.beatwise.wiring.AppInfo;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
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
    @Option(names = "--scale", description = {"The scale step: --rows generated incidents imported into the station's engine"
            + " (with --db, the shared PostgreSQL; else a temporary H2 data home), listed, exported, clustered (K-Means,",
            "coverage) and trained on (the station's training.sample_rows), then deleted. On by default with --db."})
    boolean scale;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        long importRows = rows != null ? rows : quick ? BenchOptions.QUICK_ROWS : 1_000_000;
        BenchOptions opts = new BenchOptions(importRows, dataset, seed, quick);
        Map<String, Object> figures;
        boolean shared = !api && !quick && ctx.services().engine() != Engine.H2;
        if (scale || shared) {
            figures = scale(opts, shared);
            StringBuilder text = new StringBuilder();
            figures.forEach((k, v) -> text.append(String.format("%-28s %s%n", k, v)));
            ctx.print(options.json, figures, text.toString().stripTrailing());
            return;
        }
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

    /**
     * The scale step on the station's shared PostgreSQL, or on a temporary H2 data home (never the
     * station's own file); the stored-dataset parts follow when --dataset names one.
     */
    private Map<String, Object> scale(BenchOptions opts, boolean shared) {
        Path tmp = null;
        Services target = ctx.services();
        try {
            if (!shared) {
                tmp = Files.createTempDirectory("beatwise-bench-h2");
                target = new Services(new DataHome(tmp.resolve("home")), Clock.systemUTC());
            }
            Services s = target;
            Bench bench = new Bench(AppInfo.version(), List.of(new ScaleBenchPart(s.engine().name(), s.imports(), s.datasets(),
                    s.models().sample(), ctx.admin())));
            if (opts.dataset() != null) {
                bench = bench.and(new ModelBenchPart(ctx.services().datasets()));
            }
            return bench.run(opts, ctx.progress());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (tmp != null) {
                target.close();
                deleteTree(tmp);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
