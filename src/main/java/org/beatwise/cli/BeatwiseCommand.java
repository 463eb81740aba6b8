package org.beatwise.cli;

import org.beatwise.wiring.AppInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/** The root of the command line: global options and the list of commands. */
@Command(name = "beatwise",
        mixinStandardHelpOptions = true,
        versionProvider = BeatwiseCommand.Version.class,
        description = "Beatwise crime analysis workstation. With no command, opens the desktop app.",
        subcommands = {UsersCommand.class, AuditCommand.class, ImportCommand.class, DatasetsCommand.class, DatasetCommand.class,
                GenerateCommand.class, ImportAreasCommand.class, AlertsCommand.class, BenchCommand.class,
                HotspotsCommand.class, ElbowCommand.class, SettingsCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
                ModelsCommand.class, ModelCommand.class,
                ReportCommand.class, ExportCommand.class, ProfileCommand.class, ServeCommand.class, TokenCommand.class})
public final class BeatwiseCommand implements Runnable {

    private final CliContext ctx;

    @Mixin
    CommonOptions options;

    public BeatwiseCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        // Reached only when no command was given and the launcher did not open the desktop app.
        ctx.out().println("No command given. Run 'beatwise --help' for the list of commands.");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version()};
        }
    }
}
