package org.beatwise.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.ui.common.TrackingTaskRunner;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pane headless on a fresh station: the demo offer, loading it, the mapping step of an unknown export. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DataViewTest {

    private Services services;
    private DataViewModel vm;
    private final TrackingTaskRunner tasks = new TrackingTaskRunner();
    private Path work;
    private final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        work = Files.createTempDirectory("data-view");
        services = Services.open(new DataHome(work.resolve("home")));
        vm = new DataViewModel(services.imports(), services.datasets(), services.demo(), new Session("alice", Role.ANALYST, Instant.EPOCH), tasks,
                Clock.systemUTC());
        stage.setScene(new Scene(new DataView(vm, opened::add), 1200, 780));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void freshStationOffersAndLoadsTheDemo(FxRobot robot) throws Exception {
        Node banner = robot.lookup("#demo-banner").query();
        assertTrue(banner.isVisible());
        robot.clickOn("#load-demo");
        tasks.awaitIdle();
        assertFalse(banner.isVisible());
        TableView<DatasetInfo> table = robot.lookup("#datasets").queryTableView();
        assertEquals(1, table.getItems().size());
        assertEquals(9, robot.lookup("#reasons").queryTableView().getItems().size());
        // the guided path: one click opens each pane in turn
        assertTrue(robot.lookup("#demo-guide").query().isVisible());
        robot.clickOn("#guide-train");
        robot.clickOn("#guide-hotspots");
        robot.clickOn("#guide-predict");
        assertEquals(List.of("train", "hotspots", "predict"), opened);
    }

    @Test
    void unknownExportShowsTheMappingStep(FxRobot robot) throws Exception {
        Path f = work.resolve("city.csv");
        Files.writeString(f, "ID,Date,Primary Type,Latitude,Longitude\n1,01/02/2020 11:15:00 PM,THEFT,41.88,-87.63\n");
        robot.interact(() -> vm.addFiles(List.of(f)));
        tasks.awaitIdle();
        assertTrue(vm.mappingNeededProperty().get());
        assertTrue(robot.lookup("#mapping-step").query().isVisible());
        assertEquals(5, robot.lookup("#preview").queryTableView().getColumns().size());
        // below the mapping step, out of the scroll pane's view: fire it rather than click
        javafx.scene.control.Button importButton = robot.lookup("#import").queryButton();
        assertFalse(importButton.isDisabled());
        robot.interact(importButton::fire);
        tasks.awaitIdle();
        assertEquals(1, vm.datasets().size());
        assertEquals(1, vm.datasets().get(0).rows());
    }
}
