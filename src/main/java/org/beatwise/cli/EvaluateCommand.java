package org.beatwise.cli;

import org.beatwise.model.ModelReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A saved model's test figures, every one beside the majority and prior baselines. */
@Command(name = "evaluate", description = {"Show a saved model's figures on its test rows, beside the baselines.",
        "The figures were measured once, on rows the model never saw, when it was trained."})
final class EvaluateCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--model", required = true, paramLabel = "NAME") String model;

    EvaluateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ModelReport report = ctx.services().models().report(model);
        ctx.print(options.json, report, ModelText.report(report));
    }
}
