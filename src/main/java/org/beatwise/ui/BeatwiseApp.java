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
    // the services while they open; stop() closes them should the window close first
    private CompletableFuture<Services> pending;
    private long windowShownMs;

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
        pending = opening != null ? opening
                : CompletableFuture.supplyAsync(() -> Services.open(h)).exceptionally(failure -> {
                    openingProblem = "cannot open the data home: " + failure.getMessage();
                    return null;
                });
        // The window shows at once, saying what it waits for, while the data home opens on its own
        // thread: creating the window and styling it no longer wait for the database (or the reverse).
        stage.setScene(AppWindow.openingScene());
        stage.setTitle("Beatwise");
        stage.show();
        windowShownMs = sinceJvmStart();
        pending.whenComplete((s, failure) -> Platform.runLater(() -> opened(stage, h, failure == null ? s : null)));
    }

    private void opened(Stage stage, DataHome h, Services s) {
        long openedMs = sinceJvmStart();
        if (s == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, openingProblem, ButtonType.CLOSE);
            alert.setHeaderText("Beatwise cannot open its data home");
            alert.initOwner(stage);
            alert.showAndWait();
            Platform.exit();
            return;
        }
        if (!stage.isShowing()) {
            // closed while the data home opened: nothing to show, stop() closes the services
            return;
        }
        services = s;
        tasks = new FxTaskRunner();
        new AppWindow(stage, stage.getScene(), s, tasks).showSignIn();
        // styled and laid out now, as showing the window would: the figure below includes that work
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
        long ms = sinceJvmStart();
        // the two parts that run side by side, to see which one the start waited for
        LOG.info(() -> "sign-in screen shown " + ms + " ms after the JVM started (window shown at " + windowShownMs
                + " ms, data home open at " + openedMs + " ms; data home " + h.dir() + ")");
        // After the sign-in screen is up, on a low-priority thread: the last used model is ready by the
        // time someone opens Train & Evaluate, and a missing or damaged one is only logged.
        new TaskTracker(tasks).start(BackgroundTask.of("Loading the last used model", p -> s.models().loadLastUsed().isPresent()));
        // An administrator left the station's HTTP API switch on: the app runs it (a busy port is only logged).
        new TaskTracker(tasks).start(BackgroundTask.of("Starting the HTTP API if switched on",
                p -> ApiService.shared(s).startIfEnabled().isPresent()));
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.cancelAll();
        }
        if (services != null) {
            ApiService.closeShared(services);
            services.close();
        } else if (pending != null) {
            // the window closed before the data home finished opening: close it once it has
            pending.thenAccept(s -> {
                if (s != null) {
                    s.close();
                }
            }).join();
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
