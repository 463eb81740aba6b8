package org.beatwise.ui.users;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.beatwise.api.ApiService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.settings.ApiSettings;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.FxTaskRunner;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Users pane headless: an administrator clicks the HTTP API switch and the pane says where it listens. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UsersViewApiSwitchTest {

    private Services services;
    private ApiService api;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("users-view-api");
        services = TestHomes.fast(home, new MutableClock(Instant.parse("2026-11-30T12:00:00Z")));
        services.stationSettings().updateApi(Actors.admin("test"), ApiSettings.defaults().withAddress("127.0.0.1", 0));
        api = new ApiService(services, services.clock());
        Session admin = new Session("root", Role.ADMIN, Instant.EPOCH);
        stage.setScene(new Scene(new UsersView(new UsersViewModel(services.auth(), services.stationSettings(), admin,
                new FxTaskRunner()), new ApiSwitchViewModel(api, admin, new FxTaskRunner())), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        api.close();
        services.close();
    }

    @Test
    void theSwitchStartsAndStopsTheApiAndThePaneShowsItRunning(FxRobot robot) throws Exception {
        Label status = robot.lookup("#api-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("HTTP API off"), status.getText());
        // the view must hold the switch's view-model itself: its bidirectional binding alone would let it be collected
        System.gc();
        robot.clickOn("#api-switch");
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> api.address().isPresent()
                    && status.getText().contains("127.0.0.1:" + api.address().get().getPort()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + status.getText() + ", switch: "
                    + robot.lookup("#api-switch").queryAs(CheckBox.class).isSelected() + ", address " + api.address()
                    + ", disabled " + robot.lookup("#api-switch").queryAs(CheckBox.class).isDisabled(), e);
        }
        assertTrue(robot.lookup("#api-switch").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#api-switch");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().startsWith("HTTP API off"));
        assertFalse(api.address().isPresent());
    }
}
