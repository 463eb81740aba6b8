package org.beatwise.app;

import org.beatwise.cli.Cli;
import org.beatwise.model.WekaRuntime;

/**
 * The launcher. With no command it opens the desktop app; with a command it runs the headless command
 * line without loading JavaFX at all, so it works on a station with no display. Not a JavaFX
 * {@code Application} subclass, so {@code java -jar} can start JavaFX from the class path.
 */
public final class Main {

    private Main() { }

    public static void main(String[] args) {
        // before any Weka class loads: it would log two native-library warnings on stderr otherwise
        WekaRuntime.preferPureJava();
        // The plain desktop start is read without the command line's parser; anything else asks it.
        var desktop = DesktopArgs.read(args);
        if (desktop.isPresent() || Cli.wantsDesktop(args)) {
            // Only this branch touches JavaFX classes.
            DesktopArgs given = desktop.orElseGet(() -> new DesktopArgs(Cli.homeOption(args), Cli.dbOption(args)));
            DesktopLauncher.launch(given.home(), given.db());
            return;
        }
        System.exit(Cli.execute(args, System.in, System.out, System.err, System.getenv()));
    }
}
