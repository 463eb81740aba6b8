package org.beatwise.cli;

import org.beatwise.export.BriefingRequest;
import org.beatwise.export.Exported;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A shift briefing as a PDF: the map, the hotspot table, the backtest and, if asked, a model's held-out figures. */
@Command(name = "report", description = "Write a shift briefing (PDF, 1-3 A4 pages) for a saved hotspot set.")
final class ReportCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Mixin ExportCommand.Target target;
    @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset the set was made from.")
    String dataset;
    @Option(names = "--hotspots", required = true, paramLabel = "SET", description = "The saved hotspot set.")
    String set;
    @Option(names = "--model", paramLabel = "MODEL", description = "A saved model whose held-out figures to include.")
    String model;
    @Option(names = "--station", paramLabel = "NAME", description = "The station's name on every page (default: "
            + BriefingRequest.DEFAULT_STATION + ").")
    String station;

    ReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        BriefingRequest request = new BriefingRequest(dataset, set, model, station);
        Exported e = ctx.services().exports().briefing(ctx.admin(), request, target.out, target.force);
        ctx.print(options.json, e, ExportCommand.describe(e));
    }
}
