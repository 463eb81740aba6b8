package org.beatwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.testing.Actors;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.FxTaskRunner;
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

/** The idle lock covers the whole main window: real panes, a real H2 file, headless. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainViewLockTest {

    private static final String PASSWORD = "granite-harbour-74";

    @TempDir
    static Path home;
    private Services services;
    private MainViewModel vm;
    private MainView view;
    private final AtomicBoolean loggedOut = new AtomicBoolean();
    private final AtomicInteger accelerator = new AtomicInteger();

    @Start
    void start(Stage stage) {
        services = TestHomes.fast(home.resolve("h" + System.nanoTime()), Clock.systemUTC());
        services.auth().addUser(Actors.admin("test"), "bob", PASSWORD, Role.ANALYST);
        Session session = new Session("bob", Role.ANALYST, Instant.now());
        FxTaskRunner tasks = new FxTaskRunner();
        vm = new MainViewModel(services.auth(), services.stationSettings(), tasks, session, Panes.all());
        view = new MainView(vm, new PaneContext(services, session, tasks, vm::select), () -> loggedOut.set(true));
        Scene scene = new Scene(view, 1200, 800);
        // stands for any keyboard shortcut the window has
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), accelerator::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        view.dispose();
        services.close();
    }

    private String selected() {
        return vm.selectedProperty().get().id();
    }

    @Test
    void whileLockedOnlyTheUnlockFormTakesInputAndUnlockingRestoresTheWindow(FxRobot robot) throws Exception {
        // unlocked, everything works: the proof that the checks below can fail
        robot.clickOn("#nav-train");
        assertEquals("train", selected());
        robot.press(KeyCode.SHORTCUT, KeyCode.K).release(KeyCode.K, KeyCode.SHORTCUT);
        assertEquals(1, accelerator.get());

        robot.interact(vm::lock);
        assertTrue(robot.lookup("#lock-overlay").query().isVisible());

        robot.clickOn("#nav-hotspots");
        robot.clickOn("#logout");
        robot.clickOn("#current-user");
        robot.press(KeyCode.SHORTCUT, KeyCode.K).release(KeyCode.K, KeyCode.SHORTCUT);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        // Tab cannot leave the unlock form
        for (int i = 0; i < 6; i++) {
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            assertTrue(insideOverlay(robot.targetWindow().getScene().getFocusOwner()),
                    "focus left the unlock form: " + robot.targetWindow().getScene().getFocusOwner());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("train", selected());
        assertFalse(loggedOut.get(), "logout was not reachable");
        assertEquals(1, accelerator.get(), "no accelerator while locked");
        assertTrue(vm.lockedProperty().get());

        robot.clickOn("#unlock-password").write(PASSWORD).press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.lockedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#lock-overlay").query().isVisible());
        robot.clickOn("#nav-hotspots");
        assertEquals("hotspots", selected());
        robot.press(KeyCode.SHORTCUT, KeyCode.K).release(KeyCode.K, KeyCode.SHORTCUT);
        assertEquals(2, accelerator.get());
        robot.clickOn("#logout");
        assertTrue(loggedOut.get());
    }

    @Test
    void aWrongPasswordKeepsTheWindowLocked(FxRobot robot) throws Exception {
        robot.interact(vm::lock);
        robot.clickOn("#unlock-password").write("not-the-password-1");
        robot.clickOn("#unlock-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.unlockMessageProperty().get().isEmpty());
        assertTrue(vm.lockedProperty().get());
        robot.clickOn("#nav-train");
        assertEquals("data", selected());
    }

    private boolean insideOverlay(Node n) {
        for (; n != null; n = n.getParent()) {
            if ("lock-overlay".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }
}
