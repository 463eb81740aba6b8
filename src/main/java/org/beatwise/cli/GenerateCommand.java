package org.beatwise.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.beatwise.importing.GeneratorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes synthetic BPD-schema data. */
@Command(name = "generate", description = {
        "Write SYNTHETIC incidents in the Boston Police Department schema (ids start with SYN), for demos and benchmarks.",
        "The same seed writes the same bytes."})
final class GenerateCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows to write, a few bad ones included.")
    long rows;
    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed (default 42).")
    long seed;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;
    @Option(names = "--start", defaultValue = "2023-01-01", paramLabel = "DATE", description = "First day (default 2023-01-01).")
    LocalDate start;
    @Option(names = "--days", defaultValue = "730", paramLabel = "N", description = "Days covered (default 730).")
    int days;

    /** @param out the file written, absolute */
    record Output(long rows, long seed, String out) { }

    GenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        GeneratorSettings settings = new GeneratorSettings(rows, seed, start, days, true);
        ctx.services().imports().generate(settings, out, ctx.progress());
        ctx.print(options.json, new Output(rows, seed, out.toAbsolutePath().toString()), String.format("Wrote %,d synthetic rows to %s (seed %d)", rows, out, seed));
    }
}
