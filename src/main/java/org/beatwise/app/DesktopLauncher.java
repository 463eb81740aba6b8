package org.beatwise.app;

import javafx.application.Application;
import org.beatwise.ui.BeatwiseApp;

/** Starts the desktop app for a data home. Kept apart from {@link Main} so the CLI never loads JavaFX. */
final class DesktopLauncher {

    private DesktopLauncher() { }

    static void launch(String homeOption) {
        BeatwiseApp.configure(DataHome.resolve(homeOption, System.getenv()));
        Application.launch(BeatwiseApp.class);
    }
}
