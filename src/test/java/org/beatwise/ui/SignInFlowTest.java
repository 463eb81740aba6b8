package org.beatwise.ui;

import static org.beatwise.testing.Actors.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.beatwise.domain.Role;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.FxTaskRunner;
import org.beatwise.ui.shell.PaneSpec;
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

/** The sign-in flows on a real H2 file, driven through the real screens (headless under Monocle). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SignInFlowTest {

    private static final String PASSWORD = "granite-harbour-74";

    @TempDir
    static Path home;
    private Services services;
    private AppWindow window;

    @Start
    void start(Stage stage) {
        services = TestHomes.fast(home.resolve("h" + System.nanoTime()), Clock.systemUTC());
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

    private static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        // the window is swapped and laid out over a few pulses; look further only once they have run
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(FxRobot robot, String user, String password) {
        robot.clickOn("#username").write(user);
        robot.clickOn("#password").write(password);
        robot.clickOn("#sign-in-button");
    }

    @Test
    void firstUserRegistersAndLandsInTheMainWindowAsAdmin(FxRobot robot) throws Exception {
        robot.clickOn("#register-link");
        robot.clickOn("#reg-username").write("alice");
        robot.clickOn("#reg-password").write("short");
        ListView<?> problems = robot.lookup("#reg-problems").queryAs(ListView.class);
        assertTrue(problems.getItems().toString().contains("at least 12 characters"), "rule shown as the user types");
        robot.interact(() -> robot.lookup("#reg-password").queryAs(TextInputControl.class).clear());
        robot.clickOn("#reg-password").write(PASSWORD);
        robot.clickOn("#reg-confirm").write(PASSWORD);
        assertTrue(problems.getItems().isEmpty(), problems.getItems().toString());
        robot.clickOn("#register-button");
        waitFor(robot, "#main");
        assertEquals("alice · admin", robot.lookup("#current-user").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#nav-users").tryQuery().isPresent(), "admin sees the Users pane");
    }

    @Test
    void fiveWrongPasswordsShowTheLockMessage(FxRobot robot) throws Exception {
        services.auth().addUser(admin("test"), "bob", PASSWORD, Role.ANALYST);
        Label message = robot.lookup("#sign-in-message").queryAs(Label.class);
        TextInputControl password = robot.lookup("#password").queryAs(TextInputControl.class);
        robot.clickOn("#username").write("bob");
        for (int i = 1; i <= 5; i++) {
            robot.clickOn("#password").write("wrong-password-" + i);
            robot.clickOn("#sign-in-button");
            // the view-model clears the password field once the answer is in
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> password.getText().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            if (i < 5) {
                assertEquals("Wrong username or password.", message.getText());
            }
        }
        assertTrue(message.getText().startsWith("Too many failed attempts"), message.getText());
    }

    @Test
    void logoutReturnsToAnEmptySignInScreen(FxRobot robot) throws Exception {
        services.auth().addUser(admin("test"), "bob", PASSWORD, Role.ANALYST);
        signIn(robot, "bob", PASSWORD);
        waitFor(robot, "#main");
        robot.clickOn("#logout");
        waitFor(robot, "#sign-in");
        assertEquals("", robot.lookup("#username").queryAs(TextInputControl.class).getText());
        assertEquals("", robot.lookup("#password").queryAs(TextInputControl.class).getText());
        assertFalse(robot.lookup("#main").tryQuery().isPresent());
    }

    @Test
    void analystDoesNotSeeTheUsersPane(FxRobot robot) throws Exception {
        services.auth().addUser(admin("test"), "root", PASSWORD, Role.ADMIN);
        services.auth().addUser(admin("test"), "bob", PASSWORD, Role.ANALYST);
        signIn(robot, "bob", PASSWORD);
        waitFor(robot, "#main");
        ListView<?> nav = robot.lookup("#nav").queryAs(ListView.class);
        assertFalse(nav.getItems().stream().anyMatch(p -> ((PaneSpec) p).id().equals("users")));
        assertEquals(5, nav.getItems().size());
    }
}
