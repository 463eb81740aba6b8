package org.beatwise.ui.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.beatwise.features.Query;
import org.beatwise.testing.SmallModels;
import org.beatwise.ui.common.FxTaskRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The place panel, headless: a check fills its table, its charts and the measured statement. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlaceProfileViewTest {

    private PlaceProfileViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new PlaceProfileViewModel(PlaceProfileViewModelTest.sources(), new FxTaskRunner());
        stage.setScene(new Scene(new ScrollPane(new PlaceProfileView(vm)), 500, 900));
        stage.show();
    }

    @Test
    void aCheckedPlaceShowsItsProfile(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.show(new PlaceCheck("m", Query.of(SmallModels.ROWS.get(5))))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.profileProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> offences = robot.lookup("#profile-offences").queryAs(TableView.class);
        assertEquals(vm.profileProperty().get().offences().size(), offences.getItems().size());
        BarChart<?, ?> hours = robot.lookup("#profile-hours").queryAs(BarChart.class);
        assertEquals(24, hours.getData().get(0).getData().size());
        BarChart<?, ?> sweep = robot.lookup("#profile-hour-sweep").queryAs(BarChart.class);
        assertEquals(24, sweep.getData().get(0).getData().size());
        String title = robot.lookup("#profile-title").queryAs(Label.class).getText();
        assertTrue(title.contains("incidents within 250 m"), title);
        String statement = robot.lookup("#profile-statement").queryAs(Label.class).getText();
        assertTrue(statement.contains("across the 24 hours"), statement);
    }
}
