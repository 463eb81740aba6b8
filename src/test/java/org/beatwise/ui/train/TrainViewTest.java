package org.beatwise.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.model.ModelReport;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.MutableClock;
import org.beatwise.ui.common.FxTaskRunner;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pane headless: set the forest small, press Train, and see the same figures the evaluate command prints. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TrainViewTest {

    private Services services;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("train-view");
        services = new Services(new DataHome(home), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")));
        CrimeDemo.importInto(services, home.resolve("work"));
        TrainViewModel vm = new TrainViewModel(services.models(), () -> services.datasets().datasetNames(),
                new Session("alice", Role.ANALYST, Instant.EPOCH), new FxTaskRunner());
        stage.setScene(new Scene(new TrainView(vm), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static void replace(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(field::clear);
        robot.clickOn(query).write(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainsOnASmallDatasetAndShowsTheFiguresBesideTheBaselines(FxRobot robot) throws Exception {
        replace(robot, "#train-trees", "0");
        Label error = robot.lookup("#train-settings-error").queryAs(Label.class);
        assertEquals("Trees must be between 1 and 1000, was 0", error.getText());
        assertTrue(robot.lookup("#train-run").queryButton().isDisabled());

        replace(robot, "#train-trees", "10");
        replace(robot, "#train-min-class-size", "20");
        replace(robot, "#train-name", "pane-model");
        assertEquals("", error.getText());
        robot.clickOn("#train-run");

        TableView<ModelReport.Figure> figures = robot.lookup("#train-figures").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> figures.getItems().size() == 10);
        WaitForAsyncUtils.waitForFxEvents();

        // the same report the evaluate command prints, formatted the same way
        ModelReport r = services.models().report("pane-model");
        TableColumn<ModelReport.Figure, String> model = (TableColumn<ModelReport.Figure, String>) figures.getColumns().get(1);
        TableColumn<ModelReport.Figure, String> majority = (TableColumn<ModelReport.Figure, String>) figures.getColumns().get(2);
        TableColumn<ModelReport.Figure, String> prior = (TableColumn<ModelReport.Figure, String>) figures.getColumns().get(3);
        TableColumn<ModelReport.Figure, String> remark = (TableColumn<ModelReport.Figure, String>) figures.getColumns().get(4);
        assertEquals(ModelReport.format(r.accuracy()), model.getCellData(0));
        assertEquals(ModelReport.format(r.baselines().get("majority").accuracy()), majority.getCellData(0));
        assertEquals(ModelReport.format(r.baselines().get("prior").accuracy()), prior.getCellData(0));
        assertEquals("Log loss", figures.getItems().get(5).label());
        assertEquals(ModelReport.format(r.logLoss()), model.getCellData(5));
        assertEquals(ModelReport.format(r.baselines().get("prior").logLoss()), prior.getCellData(5));
        assertEquals("Accuracy on its own training rows", figures.getItems().get(9).label());
        assertEquals(ModelReport.format(r.trainAccuracy()), model.getCellData(9));
        assertEquals("-", majority.getCellData(9));
        assertEquals("on its own training rows, not a measure of skill", remark.getCellData(9));

        assertTrue(robot.lookup("#train-headline").queryAs(Label.class).getText().startsWith("Model 'pane-model'"));
        assertTrue(robot.lookup("#train-message").queryAs(Label.class).getText().startsWith("Saved as model 'pane-model'"));
        VBox notes = robot.lookup("#train-notes").queryAs(VBox.class);
        assertTrue(((Label) notes.getChildren().get(0)).getText().contains("Top-1 accuracy is low for 13 offence types"));
        assertEquals(r.nClasses(), robot.lookup("#train-per-class").queryAs(TableView.class).getItems().size());
        GridPane heat = robot.lookup("#train-confusion").queryAs(GridPane.class);
        assertEquals(1 + (ConfusionGrid.TOP + 1) + (ConfusionGrid.TOP + 1) * (ConfusionGrid.TOP + 2), heat.getChildren().size(),
                "corner, column headers, and per row a label and a cell per column");
        LineChart<Number, Number> chart = robot.lookup("#train-calibration").queryAs(LineChart.class);
        assertFalse(chart.getData().get(0).getData().isEmpty());
        TableView<?> saved = robot.lookup("#train-models").queryAs(TableView.class);
        assertEquals(1, saved.getItems().size());
        assertFalse(robot.lookup("#train-load").queryButton().isDisabled(), "the new model is selected");
    }
}
