package org.beatwise.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.beatwise.testing.NetworkGuard;
import org.beatwise.testing.SocketAudit;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.AppWindow;
import org.beatwise.ui.common.FxTaskRunner;
import org.beatwise.ui.predict.PredictView;
import org.beatwise.wiring.DemoSetup;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app's main flows on a fresh station — create the first administrator, load the demo
 * (dataset, model and hotspot set built on the station), train, open the hotspots and the map, check a
 * place — while every URL request is routed to the {@link NetworkGuard} and, at the end, the operating
 * system is asked which sockets this JVM holds. Any attempt to reach out fails the test.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OfflineFlowTest {

    private static final String PASSWORD = "granite-harbour-74";

    @TempDir
    static Path home;
    private Services services;
    private AppWindow window;
    private NetworkGuard guard;

    @Start
    void start(Stage stage) {
        guard = NetworkGuard.install();
        services = TestHomes.fast(home.resolve("station"), Clock.systemUTC());
        window = new AppWindow(stage, services, new FxTaskRunner());
        window.showSignIn();
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        // signed out before the services close, as a user leaving does: the window's place is stored while
        // the database is open (TestFX hides the stage only after this method)
        WaitForAsyncUtils.asyncFx(window::showSignIn).get();
        services.close();
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void mainFlowsNeverTouchTheNetwork(FxRobot robot) throws Exception {
        robot.clickOn("#register-link");
        robot.clickOn("#reg-username").write("admin");
        robot.clickOn("#reg-password").write(PASSWORD);
        robot.clickOn("#reg-confirm").write(PASSWORD);
        robot.clickOn("#register-button");
        waitFor(15, () -> robot.lookup("#main").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // the main window is attached before its nodes are clicked

        // First run: the Data pane offers the demo; loading it also trains a model and finds hotspots.
        robot.clickOn("#load-demo");
        Label message = robot.lookup("#data-message").queryAs(Label.class);
        waitFor(180, () -> message.getText().contains(DemoSetup.HOTSPOTS));
        assertTrue(message.getText().contains("not real"), message.getText());

        // Train & Evaluate, opened from the first-run guide: train again through the pane.
        robot.clickOn("#guide-train");
        waitFor(15, () -> robot.lookup("#train-run").tryQuery().isPresent()
                && !robot.lookup("#train-run").queryButton().isDisabled());
        int modelsBefore = services.models().list().size();
        robot.clickOn("#train-run");
        waitFor(180, () -> services.models().list().size() > modelsBefore);

        // Hotspots: run K-Means on the demo dataset.
        robot.clickOn("#nav-hotspots");
        waitFor(15, () -> robot.lookup("#hotspots-run").tryQuery().isPresent()
                && !robot.lookup("#hotspots-run").queryButton().isDisabled());
        robot.clickOn("#hotspots-run");
        waitFor(120, () -> !robot.lookup("#hotspots-table").queryTableView().getItems().isEmpty());

        // Predict & Map: the demo hotspot set is drawn; a click checks a place.
        robot.clickOn("#nav-predict");
        PredictView predict = robot.lookup("#pane-predict").queryAs(PredictView.class);
        waitFor(30, () -> predict.map().loadedProperty().get());
        waitFor(10, () -> ((Number) WaitForAsyncUtils.asyncFx(() -> predict.map().evaluate("beatwise.count('hotspots')"))
                .get()).intValue() == 10);
        robot.clickOn(predict.map());
        waitFor(10, () -> !robot.lookup("#predict-lat").queryAs(TextInputControl.class).getText().isEmpty());
        waitFor(10, () -> predict.lastPrediction() != null);

        // H2 checks its shared-data-home server is up by connecting to it over loopback (socket://localhost:PORT),
        // which asks the proxy selector too but cannot leave the machine
        assertEquals(List.of(), guard.attempts().stream().filter(u -> !("socket".equals(u.getScheme())
                && ("localhost".equals(u.getHost()) || "127.0.0.1".equals(u.getHost())))).toList(),
                "URL requests that tried to leave the machine");
        assertEquals(List.of(), SocketAudit.ownInetSockets().stream().filter(s -> !SocketAudit.isLoopbackListener(s)).toList(),
                "inet sockets held by this JVM (only the data home's loopback listener may be open)");
    }
}
