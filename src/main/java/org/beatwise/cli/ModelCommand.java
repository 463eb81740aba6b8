package org.beatwise.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Delete, export and import saved models. */
@Command(name = "model", description = "Delete, export or import a saved model.",
        subcommands = {ModelCommand.Delete.class, ModelCommand.Export.class, ModelCommand.Import.class})
final class ModelCommand {

    /** The JSON document of each sub-command: what was done to which model, and the file involved. */
    record Done(String action, String model, String file) { }

    @Command(name = "delete", description = "Delete a saved model (recorded in the audit log).")
    static final class Delete implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        Delete(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (!ctx.services().models().delete(ctx.admin(), name)) {
                throw new IllegalArgumentException("no model named '" + name + "'");
            }
            ctx.print(options.json, new Done("deleted", name, null), "Deleted model '" + name + "'.");
        }
    }

    @Command(name = "export", description = "Copy a saved model, checked intact, to one file for another station.")
    static final class Export implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "FILE") Path file;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ctx.services().models().export(ctx.actor(), name, file);
            Path abs = file.toAbsolutePath();
            ctx.print(options.json, new Done("exported", name, abs.toString()),
                    "Exported model '" + name + "' to " + abs + ".");
        }
    }

    @Command(name = "import", description = {"Import a model file after checking its hashes and contents.",
            "An existing model is never replaced; use --name to import under another name."})
    static final class Import implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "FILE") Path file;
        @Option(names = "--name", paramLabel = "MODEL", description = "Name to save it under (default: the name recorded in the file).")
        String name;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            String saved = ctx.services().models().importFile(ctx.actor(), file, name);
            ctx.print(options.json, new Done("imported", saved, file.toAbsolutePath().toString()),
                    "Imported model '" + saved + "' from " + file.toAbsolutePath() + ".");
        }
    }
}
