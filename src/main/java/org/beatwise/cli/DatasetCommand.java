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

    /** Kept for scripts written before {@code export dataset}; it is that command with the CSV format. */
    @Command(name = "export", description = "Write a dataset as a Boston-schema CSV that another station imports unchanged "
            + "(the same as 'export dataset NAME --format csv --out FILE').")
    static final class Export implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "FILE") java.nio.file.Path file;
        @picocli.CommandLine.Option(names = "--force", description = "Replace FILE if it exists.") boolean force;

        /** @param exported the dataset's name */
        record Output(String exported, String file, int rows) { }

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            createFolder(file);
            org.beatwise.export.Exported e = ctx.services().exports().dataset(ctx.admin(), name,
                    org.beatwise.export.TableFormat.CSV, file, force);
            ctx.print(options.json, new Output(name, file.toAbsolutePath().toString(), e.items()),
                    String.format("Exported %,d incidents of '%s' to %s", e.items(), name, file));
        }

        /** This command always made the file's folder (a fresh USB stick); {@code export dataset} asks for an existing one. */
        private static void createFolder(java.nio.file.Path file) {
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            try {
                if (dir != null) {
                    java.nio.file.Files.createDirectories(dir);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot make the folder " + dir + ": " + e.getMessage(), e);
            }
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
