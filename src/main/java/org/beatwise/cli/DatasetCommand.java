package org.beatwise.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.ImportReport;
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

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            DatasetInfo d = ctx.services().datasets().dataset(name)
                    .orElseThrow(() -> new IllegalArgumentException("no dataset named '" + name + "'"));
            Map<String, Object> json = DatasetsCommand.json(d);
            json.put("file_reports", ctx.services().datasets().fileReports(d.name()).stream()
                    .map(ImportCommand::reportJson).toList());
            StringBuilder text = new StringBuilder(String.format("%s%s: %,d incidents from %s to %s, created by %s at %s%n",
                    d.name(), d.synthetic() ? " (synthetic)" : "", d.rows(), d.firstOccurred(), d.lastOccurred(),
                    d.createdBy(), d.createdAt()));
            for (ImportReport r : ctx.services().datasets().fileReports(d.name())) {
                text.append('\n').append(ImportCommand.reportText(r));
            }
            ctx.print(options.json, json, text.toString().stripTrailing());
        }
    }

    @Command(name = "export", description = "Write a dataset as a Boston-schema CSV that another station imports unchanged.")
    static final class Export implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "FILE") java.nio.file.Path file;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            int rows = ctx.services().datasets().exportDataset(name, file);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("exported", name);
            json.put("file", file.toAbsolutePath().toString());
            json.put("rows", rows);
            ctx.print(options.json, json, String.format("Exported %,d incidents of '%s' to %s", rows, name, file));
        }
    }

    @Command(name = "delete", description = "Delete a dataset and its incidents.")
    static final class Delete implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        Delete(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (!ctx.services().datasets().deleteDataset(ctx.actor(), name)) {
                throw new IllegalArgumentException("no dataset named '" + name + "'");
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("deleted", name);
            ctx.print(options.json, json, "Deleted dataset '" + name + "'");
        }
    }
}
