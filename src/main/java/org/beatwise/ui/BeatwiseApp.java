package org.beatwise.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.beatwise.api.ApiService;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.FxTaskRunner;
import org.beatwise.ui.common.TaskTracker;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/** The JavaFX application: opens the data home and shows the sign-in screen. */
public final class BeatwiseApp extends Application {

    private static final Logger LOG = Logger.getLogger(BeatwiseApp.class.getName());
    private static volatile DataHome home;
    private static volatile CompletableFuture<Services> opening;
    private static volatile String openingProblem = "the data home could not be opened";

    private Services services;
    private FxTaskRunner tasks;

    /** Called by the launcher before {@link Application#launch}, with the services already opening. */
    public static void configure(DataHome dataHome, CompletableFuture<Services> services) {
        home = dataHome;
        opening = services;
    }

    /** The one line to show when the opening services end empty: started from an icon, no one reads stderr. */
    public static void openingFailed(String line) {
        openingProblem = line;
    }

    @Override
    public void start(Stage stage) {
        DataHome h = home != null ? home : DataHome.resolve(null, System.getenv());
        services = opening != null ? opening.join() : Services.open(h);
        if (services == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, openingProblem, ButtonType.CLOSE);
            alert.setHeaderText("Beatwise cannot open its data home");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner();
        new AppWindow(stage, services, tasks).showSignIn();
        stage.show();
        // After the sign-in screen is up, on a low-priority thread: the last used model is ready by the
        // time someone opens Train & Evaluate, and a missing or damaged one is only logged.
        Services s = services;
        new TaskTracker(tasks).start(BackgroundTask.of("Loading the last used model", p -> s.models().loadLastUsed().isPresent()));
        // An administrator left the station's HTTP API switch on: the app runs it (a busy port is only logged).
        new TaskTracker(tasks).start(BackgroundTask.of("Starting the HTTP API if switched on",
                p -> ApiService.shared(s).startIfEnabled().isPresent()));
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info(() -> "sign-in screen shown " + ms + " ms after the JVM started (data home " + h.dir() + ")");
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.cancelAll();
        }
        if (services != null) {
            ApiService.closeShared(services);
            services.close();
        }
    }
}
