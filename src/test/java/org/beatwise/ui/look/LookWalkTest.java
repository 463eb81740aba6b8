package org.beatwise.ui.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.testing.Actors;
import org.beatwise.testing.TestHomes;
import org.beatwise.api.ApiService;
import org.beatwise.settings.ApiSettings;
import org.beatwise.ui.AppWindow;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TrackingTaskRunner;
import org.beatwise.ui.map.MapView;
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
 * Walks every pane (and every tab in it) at 1280×800 and at 1920×1080 in the light, night and
 * presentation looks, on an empty station and again with the demo loaded and each pane's main action
 * run from the keyboard, and fails on any label shown cut short, a chart axis out of its range, a
 * form that scrolls sideways, a table whose columns do not fit it (its horizontal scroll bar shows), or
 * a table with rows squeezed to fewer than three of them.
 * With {@code -Dbeatwise.screenshots=docs/screenshots} the demo walk also writes a PNG of every pane
 * (every look at 1280×800, the light look at 1920×1080).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LookWalkTest {

    private static final String[] PANES = {"data", "train", "hotspots", "predict", "alerts", "users"};
    private static final String[] LOOKS = {"light", "dark", "presentation"};
    /** The two screens: a laptop or projector, and a desktop monitor. */
    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    @TempDir
    static Path home;
    private Services services;
    private Stage stage;
    private AppWindow window;
    private TrackingTaskRunner tasks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = TestHomes.fast(home.resolve("h" + System.nanoTime()), Clock.systemUTC());
        services.auth().addUser(Actors.admin("test"), "alice", "granite-harbour-74", Role.ADMIN);
        // Every task the panes start passes here, so the walk can wait until the window is at rest.
        tasks = new TrackingTaskRunner();
        window = new AppWindow(stage, services, tasks);
        window.showMain(new Session("alice", Role.ADMIN, Instant.now()));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        // Sign out before the services close, as a user leaving does: the window's place is stored while
        // the database is open. TestFX hides the stage only after this method, and it hands the same
        // stage to the next test, so a window still signed in would try to store its place into this
        // test's closed database (or, through the next test's hiding, again later).
        WaitForAsyncUtils.asyncFx(window::showSignIn).get();
        ApiService.closeShared(services);
        services.close();
    }

    @Test
    void everyPaneIsReadableInEveryLookOnAnEmptyStation(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            resize(robot, size);
            for (String look : LOOKS) {
                setLook(robot, look);
                for (int i = 0; i < PANES.length; i++) {
                    openByKeyboard(robot, i);
                    problems.addAll(check(robot, "empty station, " + sizeName(size) + ", " + look + ", " + PANES[i], null));
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void everyPaneIsReadableInEveryLookWithTheDemoAndItsResults(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        setLook(robot, "light");
        openByKeyboard(robot, 0);
        robot.clickOn("#load-demo");
        settle(robot);
        // Each pane's main action; on Predict & Map from the keyboard (Enter presses the default button).
        openByKeyboard(robot, 1);
        chooseFirst(robot, "#train-dataset");
        robot.interact(() -> robot.lookup("#train-run").queryButton().fire());
        settle(robot);
        // Importance & groups too, so its two tables are walked with rows, not only with their placeholders
        robot.interact(() -> robot.lookup("#explain-compute").queryButton().fire());
        settle(robot);
        assertFalse(robot.lookup("#explain-importance").queryTableView().getItems().isEmpty(), "importance computed");
        assertFalse(robot.lookup("#explain-groups").queryTableView().getItems().isEmpty(), "groups computed");
        openByKeyboard(robot, 2);
        chooseFirst(robot, "#hotspots-dataset");
        robot.interact(() -> robot.lookup("#hotspots-run").queryButton().fire());
        settle(robot);
        openByKeyboard(robot, 3);
        chooseFirst(robot, "#predict-model");
        chooseFirst(robot, "#predict-hotspot-set");
        settle(robot);
        Hotspot first = services.hotspots().load(DemoSetup.HOTSPOTS).orElseThrow().result().hotspots().get(0);
        robot.interact(() -> {
            robot.lookup("#predict-lat").queryAs(TextField.class).setText(Double.toString(first.lat()));
            robot.lookup("#predict-lon").queryAs(TextField.class).setText(Double.toString(first.lon()));
        });
        robot.clickOn("#predict-lat").type(KeyCode.ENTER);
        settle(robot);
        closeDialogs(robot, screenshotDir() == null ? null : "alert-dialog");
        // The API running, as an administrator's switch leaves it: its light in the top bar is walked too.
        ApiService.shared(services).start(Actors.admin("test"), ApiSettings.defaults().withAddress("127.0.0.1", 0), false);
        settle(robot);
        assertTrue(robot.lookup("#api-light").query().isVisible(), "the top bar shows the running API");

        for (int[] size : SIZES) {
            resize(robot, size);
            boolean small = size == SIZES[0];
            for (String look : LOOKS) {
                setLook(robot, look);
                for (int i = 0; i < PANES.length; i++) {
                    openByKeyboard(robot, i);
                    String name = small ? look + "-" + PANES[i] : look.equals("light") ? look + "-1920-" + PANES[i] : null;
                    problems.addAll(check(robot, "demo, " + sizeName(size) + ", " + look + ", " + PANES[i], name));
                }
            }
        }
        // A cell method (Gi*) lists cells with their z and p instead of circles: that table is walked too.
        setLook(robot, "light");
        openByKeyboard(robot, 2);
        robot.interact(() -> {
            ComboBox<MethodChoice> method = robot.lookup("#hotspots-method").queryAs(ComboBox.class);
            method.getSelectionModel().select(MethodChoice.GISTAR);
            robot.lookup("#hotspots-run").queryButton().fire();
        });
        settle(robot);
        assertFalse(robot.lookup("#hotspots-cells").queryTableView().getItems().isEmpty(), "Gi* found cells");
        for (int[] size : SIZES) {
            resize(robot, size);
            for (String look : LOOKS) {
                setLook(robot, look);
                problems.addAll(check(robot, "demo, Gi* cells, " + sizeName(size) + ", " + look + ", hotspots", null));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void theSignInAndFirstRegistrationScreensAreReadable(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String look : LOOKS) {
            setLook(robot, look);
            robot.interact(window::showSignIn);
            settle(robot);
            problems.addAll(check(robot, look + ", sign-in", look + "-sign-in"));
            robot.interact(window::showRegister);
            settle(robot);
            problems.addAll(check(robot, look + ", register", look + "-register"));
            robot.interact(() -> window.showMain(new Session("alice", Role.ADMIN, Instant.now())));
            settle(robot);
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void theLookAndTheLastPaneAreRememberedForTheUser(FxRobot robot) throws Exception {
        openByKeyboard(robot, 2);
        robot.clickOn("#night-mode");
        settle(robot);
        MapView map = robot.lookup("#map-view").queryAs(MapView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, map.loadedProperty()::get);
        assertEquals(Boolean.TRUE, WaitForAsyncUtils.asyncFx(() -> map.evaluate("beatwise.isNight()")).get(),
                "the map takes the night palette with the window");
        var prefs = services.userPreferences().of(Actors.admin("alice"));
        assertEquals("hotspots", prefs.lastPane());
        assertEquals(org.beatwise.settings.UserPreferences.Theme.DARK, prefs.theme());
        robot.clickOn("#night-mode");
        settle(robot);
        assertEquals(Boolean.FALSE, WaitForAsyncUtils.asyncFx(() -> map.evaluate("beatwise.isNight()")).get());

        robot.interact(() -> {
            stage.setX(30);
            stage.setY(20);
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        robot.clickOn("#logout");
        settle(robot);
        var place = services.userPreferences().of(Actors.admin("alice")).window();
        assertEquals(List.of(30.0, 20.0, 1100.0, 700.0), List.of(place.x(), place.y(), place.width(), place.height()),
                "logging out keeps the window's place");
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
            window.showMain(new Session("alice", Role.ADMIN, Instant.now()));
        });
        settle(robot);
        assertEquals(List.of(1100.0, 700.0), List.of(stage.getWidth(), stage.getHeight()), "and the next sign-in restores it");
        assertTrue(robot.lookup("#pane-hotspots").tryQuery().filter(n -> n.getScene() != null).isPresent(),
                "on the pane left last");
    }

    private List<String> check(FxRobot robot, String where, String screenshot) throws Exception {
        List<String> found = new ArrayList<>();
        Parent root = stage.getScene().getRoot();
        List<TabPane> tabPanes = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(t -> t.getScene() != null && t.isVisible()).toList();
        int tabs = tabPanes.isEmpty() ? 1 : tabPanes.get(0).getTabs().size();
        for (int t = 0; t < tabs; t++) {
            if (!tabPanes.isEmpty()) {
                int index = t;
                robot.interact(() -> tabPanes.get(0).getSelectionModel().select(index));
                settle(robot);
            }
            String tab = tabPanes.isEmpty() ? "" : " / " + tabPanes.get(0).getTabs().get(t).getText();
            WaitForAsyncUtils.asyncFx(() -> {
                Readability.clipped(root).forEach(p -> found.add(where + tab + ": " + p));
                Readability.axisProblems(root).forEach(p -> found.add(where + tab + ": " + p));
                Readability.scrollsSideways(root).forEach(p -> found.add(where + tab + ": " + p));
                Readability.tablesScrollSideways(root).forEach(p -> found.add(where + tab + ": " + p));
                Readability.tablesShowTooFewRows(root).forEach(p -> found.add(where + tab + ": " + p));
            }).get();
            if (screenshot != null) {
                shoot(robot, stage.getScene(), screenshot + (t == 0 ? "" : "-" + (t + 1)));
            }
        }
        if (!tabPanes.isEmpty()) {
            robot.interact(() -> tabPanes.get(0).getSelectionModel().select(0));
        }
        return found;
    }

    private void chooseFirst(FxRobot robot, String query) throws Exception {
        ComboBox<?> box = robot.lookup(query).queryAs(ComboBox.class);
        robot.interact(box::show); // as a user opens it: some lists look again for new items then
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !box.getItems().isEmpty());
        robot.interact(() -> {
            box.getSelectionModel().select(0);
            box.hide();
        });
        settle(robot);
    }

    private void resize(FxRobot robot, int[] size) throws Exception {
        robot.interact(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        settle(robot);
        assertEquals(List.of((double) size[0], (double) size[1]),
                List.of(stage.getScene().getWidth(), stage.getScene().getHeight()), "the window takes the size asked for");
    }

    private static String sizeName(int[] size) {
        return size[0] + "×" + size[1];
    }

    private void setLook(FxRobot robot, String look) throws Exception {
        robot.interact(() -> {
            robot.lookup("#night-mode").queryAs(ToggleButton.class).setSelected(look.equals("dark"));
            robot.lookup("#presentation-mode").queryAs(ToggleButton.class).setSelected(look.equals("presentation"));
        });
        settle(robot);
    }

    private void openByKeyboard(FxRobot robot, int index) throws Exception {
        KeyCode digit = KeyCode.valueOf("DIGIT" + (index + 1));
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#pane-" + PANES[index]).tryQuery().filter(n -> n.getScene() != null).isPresent());
        settle(robot);
    }

    /** Waits until no task runs, then lets layout and the map page settle. */
    private void settle(FxRobot robot) throws Exception {
        tasks.awaitIdle();
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void closeDialogs(FxRobot robot, String screenshot) throws Exception {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w instanceof Stage s && w.getScene() != null
                    && w.getScene().getRoot().lookup("#alert-dialog") != null) {
                if (screenshot != null) {
                    shoot(robot, w.getScene(), screenshot);
                }
                robot.interact(s::close);
            }
        }
    }

    private static Path screenshotDir() {
        String dir = System.getProperty("beatwise.screenshots");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    private static void shoot(FxRobot robot, Scene scene, String name) throws Exception {
        Path dir = screenshotDir();
        if (dir == null) {
            return;
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        Files.createDirectories(dir);
        writePng(image, dir.resolve(name + ".png"));
    }

    private static void writePng(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }

}
