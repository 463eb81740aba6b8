package org.beatwise.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.beatwise.importing.CleaningReport;
import org.beatwise.importing.DatasetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** One dataset: show its reports, or delete it. */
@Command(name = "dataset", description = "Show, export or delete one dataset.",
        subcommands = {DatasetCommand.Show.class, DatasetCommand.Export.class, DatasetCommand.Delete.class})
final class DatasetCommand {

    @Command(name = "show", description = "Show a dataset's files and cleaning reports.")
    static final class Show implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        /** The dataset as {@code datasets} lists it, then each file's cleaning report. */
        record Output(@JsonUnwrapped DatasetsCommand.Entry dataset, List<CleaningReport> fileReports) { }

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            DatasetInfo d = ctx.services().datasets().dataset(name)
                    .orElseThrow(() -> new IllegalArgumentException("no dataset named '" + name + "'"));
            List<CleaningReport> reports = ctx.services().datasets().fileReports(d.name()).stream()
                    .map(CleaningReport::of).toList();
            StringBuilder text = new StringBuilder(String.format("%s%s: %,d incidents from %s to %s, created by %s at %s%n",
                    d.name(), d.synthetic() ? " (synthetic)" : "", d.rows(), d.firstOccurred(), d.lastOccurred(),
                    d.createdBy(), d.createdAt()));
            for (CleaningReport r : reports) {
                text.append('\n').append(r.text());
            }
            ctx.print(options.json, new Output(DatasetsCommand.Entry.of(d), reports), text.toString().stripTrailing());
        }
    }

    @Command(name = "export", description = "Write a dataset as a Boston-schema CSV that another station imports unchanged.")
    static final class Export implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "FILE") java.nio.file.Path file;

        /** @param exported the dataset's name */
        record Output(String exported, String file, int rows) { }

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            int rows = ctx.services().datasets().exportDataset(ctx.actor(), name, file);
            ctx.print(options.json, new Output(name, file.toAbsolutePath().toString(), rows),
                    String.format("Exported %,d incidents of '%s' to %s", rows, name, file));
        }
    }

    @Command(name = "delete", description = "Delete a dataset and its incidents.")
    static final class Delete implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        /** @param deleted the dataset's name */
        record Output(String deleted) { }

        Delete(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (!ctx.services().datasets().deleteDataset(ctx.admin(), name)) {
                throw new IllegalArgumentException("no dataset named '" + name + "'");
            }
            ctx.print(options.json, new Output(name), "Deleted dataset '" + name + "'");
        }
    }
}
