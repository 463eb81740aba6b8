package org.beatwise.app;

import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import org.beatwise.ui.BeatwiseApp;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/** Starts the desktop app for a data home. Kept apart from {@link Main} so the CLI never loads JavaFX. */
final class DesktopLauncher {

    private DesktopLauncher() { }

    static void launch(String homeOption) {
        DataHome home = DataHome.resolve(homeOption, System.getenv());
        // Open the database while the JavaFX toolkit starts: the two overlap instead of adding up.
        CompletableFuture<Services> services = CompletableFuture.supplyAsync(() -> Services.open(home));
        BeatwiseApp.configure(home, services);
        try {
            Application.launch(BeatwiseApp.class);
        } catch (RuntimeException e) {
            // Typically no display: say so in one line and point at what works without one.
            System.err.println("beatwise: cannot open the desktop app (" + e.getMessage() + "). "
                    + "The commands work without a display: beatwise --help");
            services.thenAccept(Services::close).join();
            System.exit(1);
        }
    }
}
