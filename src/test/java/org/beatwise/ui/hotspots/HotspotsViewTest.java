package org.beatwise.ui.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Incident;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.beatwise.ui.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pane headless: Run fills the sortable table and the evaluation; Elbow draws the curve and its knee. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HotspotsViewTest {

    private Database db;
    private HotspotsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("hotspots-view");
        db = Database.open(home);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        List<Incident> demo = TestIncidents.fourCentres(2000, 3);
        HotspotService service = new HotspotService(name -> demo, new HotspotSetStore(db), new AuditStore(db, clock), clock,
                new HotspotFinder(2));
        vm = new HotspotsViewModel(service, () -> List.of("demo"), new Session("alice", Role.ANALYST, Instant.EPOCH),
                new FxTaskRunner());
        vm.kProperty().set("4");
        vm.kMaxProperty().set("8");
        stage.setScene(new Scene(new HotspotsView(vm), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void runFillsTheTableAndTheEvaluation(FxRobot robot) throws Exception {
        robot.clickOn("#hotspots-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.hotspots().size() == 4 && !vm.runningProperty().get());
        TableView<Hotspot> table = robot.lookup("#hotspots-table").queryTableView();
        assertEquals(4, table.getItems().size());
        assertEquals(1, table.getItems().get(0).rank());
        GridPane evaluation = robot.lookup("#hotspots-evaluation").query();
        assertFalse(evaluation.getChildren().isEmpty());
        // The demo's four hotspots hold 500 incidents each, so sort on rank, descending.
        robot.interact(() -> {
            table.getColumns().get(0).setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(table.getColumns().get(0));
            table.sort();
        });
        assertEquals(4, table.getItems().get(0).rank());
        assertEquals(1, vm.hotspots().get(0).rank(), "the view-model keeps rank order");
    }

    @Test
    void elbowDrawsTheCurveAndTheKnee(FxRobot robot) throws Exception {
        robot.clickOn("#hotspots-elbow");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.elbowPoints().size() == 7 && !vm.runningProperty().get());
        LineChart<?, ?> chart = robot.lookup("#hotspots-elbow-chart").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, chart.getData().get(0).getData().size());
        assertEquals(1, chart.getData().get(1).getData().size());
        assertEquals(4, ((Number) chart.getData().get(1).getData().get(0).getXValue()).intValue());
        assertTrue(vm.messageProperty().get().contains("k = 4"));
    }
}
