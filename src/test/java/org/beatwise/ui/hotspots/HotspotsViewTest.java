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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Incident;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.importing.AreaService;
import org.beatwise.importing.GeoJsonAreas;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.beatwise.ui.common.TrackingTaskRunner;
import org.beatwise.ui.map.AreaLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pane headless: Run fills the sortable table, the evaluation, the method comparison, the PAI curves
 * and the map (circles or cells over the districts); Elbow draws the curve and its knee.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HotspotsViewTest {

    private Database db;
    private HotspotsViewModel vm;
    private HotspotsView view;
    private final TrackingTaskRunner tasks = new TrackingTaskRunner();

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("hotspots-view");
        db = Database.open(home);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        List<Incident> demo = TestIncidents.fourCentres(2000, 3);
        HotspotService service = new HotspotService(name -> demo, new HotspotSetStore(db), new AuditStore(db, clock), clock,
                new HotspotFinder(2));
        vm = new HotspotsViewModel(service, () -> List.of("demo"), new Session("alice", Role.ANALYST, Instant.EPOCH),
                tasks, () -> List.of(new AreaLayer("Boston police districts",
                        GeoJsonAreas.toJson(AreaService.bostonDistricts()), "DISTRICT")));
        vm.kProperty().set("4");
        vm.kMaxProperty().set("8");
        view = new HotspotsView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void runFillsTheTableAndTheEvaluation(FxRobot robot) throws Exception {
        robot.clickOn("#hotspots-run");
        tasks.awaitIdle();
        assertEquals(4, vm.hotspots().size());
        TableView<Hotspot> table = robot.lookup("#hotspots-table").queryTableView();
        assertEquals(4, table.getItems().size());
        assertEquals(1, table.getItems().get(0).rank());
        GridPane evaluation = robot.lookup("#hotspots-evaluation").query();
        assertFalse(evaluation.getChildren().isEmpty());
        TableView<DistrictRow> districts = robot.lookup("#hotspots-districts").queryTableView();
        assertEquals(vm.districts(), districts.getItems(), "the view binds the view-model's district rows");
        assertFalse(districts.getItems().isEmpty());
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
        tasks.awaitIdle();
        assertEquals(7, vm.elbowPoints().size());
        LineChart<?, ?> chart = robot.lookup("#hotspots-elbow-chart").query();
        assertEquals(7, chart.getData().get(0).getData().size());
        assertEquals(1, chart.getData().get(1).getData().size());
        assertEquals(4, ((Number) chart.getData().get(1).getData().get(0).getXValue()).intValue());
        assertTrue(vm.messageProperty().get().contains("k = 4"));
    }

    private Object eval(String script) throws Exception {
        // the page loads in the WebView, not through the task runner: wait on its own flag (the limit
        // only stops a page that never loads)
        WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES, () -> view.map().loadedProperty().get());
        return WaitForAsyncUtils.asyncFx(() -> view.map().evaluate(script)).get(5, TimeUnit.MINUTES);
    }

    @Test
    void autoMarksTheChosenCircleMethodAndDrawsItsCirclesOverTheDistricts(FxRobot robot) throws Exception {
        robot.clickOn("#hotspots-run");
        tasks.awaitIdle();
        assertFalse(vm.comparison().isEmpty());
        TableView<MethodRow> table = robot.lookup("#hotspots-comparison").queryTableView();
        assertTrue(table.getItems().get(0).chosen());
        assertTrue(table.getItems().stream().anyMatch(r -> r.method().equals("kmeans")), "K-Means beside the winner");
        Label chosen = robot.lookup("#hotspots-chosen").query();
        assertTrue(chosen.getText().contains("won the backtest"), chosen.getText());
        LineChart<?, ?> chart = robot.lookup("#hotspots-pai-chart").query();
        assertEquals(vm.curves().size(), chart.getData().size());
        assertFalse(chart.getData().isEmpty());
        assertEquals(4, ((Number) eval("beatwise.count('hotspots')")).intValue());
        assertEquals(0, ((Number) eval("beatwise.count('cells')")).intValue());
        assertTrue(((Number) eval("beatwise.count('areas')")).intValue() >= 1, "district outlines under the hotspots");
    }

    @Test
    void giStarComparedWithEveryMethodFillsTheTableTheCurvesAndTheMapCells(FxRobot robot) throws Exception {
        ComboBox<MethodChoice> method = robot.lookup("#hotspots-method").queryComboBox();
        robot.interact(() -> method.getSelectionModel().select(MethodChoice.GISTAR));
        Label explanation = robot.lookup("#hotspots-method-explanation").query();
        assertEquals("Grid cells that are significant Getis-Ord Gi* hot spots (FDR-corrected).", explanation.getText());
        assertTrue(robot.lookup("#hotspots-gi-band").query().isVisible(), "Gi*'s band shows for Gi*");
        assertFalse(robot.lookup("#hotspots-kernel").query().isVisible(), "the KDE kernel does not");
        robot.interact(() -> {
            robot.lookup("#hotspots-windows").<TextField>query().setText("2");
            robot.lookup("#hotspots-window-days").<TextField>query().setText("60");
            robot.lookup("#hotspots-compare").<CheckBox>query().setSelected(true);
        });
        robot.clickOn("#hotspots-run");
        tasks.awaitIdle();
        assertFalse(vm.comparison().isEmpty());
        TableView<MethodRow> table = robot.lookup("#hotspots-comparison").queryTableView();
        assertEquals(List.of("gistar", "kmeans", "coverage", "kde", "grid"),
                table.getItems().stream().map(MethodRow::method).toList());
        assertTrue(table.getItems().get(0).chosen());
        LineChart<?, ?> chart = robot.lookup("#hotspots-pai-chart").query();
        assertEquals(5, chart.getData().size());
        assertEquals("Gi* cells (chosen)", chart.getData().get(0).getName());
        assertEquals(0, ((Number) eval("beatwise.count('hotspots')")).intValue());
        assertEquals(vm.mapHotCells().size(), ((Number) eval("beatwise.count('cells')")).intValue());
        assertFalse(vm.mapHotCells().isEmpty());
        TableView<HotCell> cells = robot.lookup("#hotspots-cells").queryTableView();
        assertTrue(cells.isVisible() && !robot.lookup("#hotspots-table").query().isVisible(), "cells listed, not circles");
        assertEquals(vm.cells(), cells.getItems());
        assertTrue(cells.getItems().get(0).z() > 0 && cells.getItems().get(0).p() < 0.1, cells.getItems().get(0).toString());
        assertTrue(robot.lookup("#hotspots-kernel").query().isVisible(), "comparing every method shows KDE's inputs");
    }
}
