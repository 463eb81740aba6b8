package org.beatwise.ui.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Tables;
import org.beatwise.ui.common.Theme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The walk's table checks name a table whose columns are wider than it or which is squeezed to a row,
 * and pass one that fits.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TableReadabilityTest {

    record Row(String a, String b, String c) { }

    private StackPane root;
    private TableView<Row> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(new Row("one", "two", "three")));
        table.setId("wide");
        for (String title : List.of("First", "Second", "Third")) {
            TableColumn<Row, String> c = Tables.text(title, Row::a, 200);
            table.getColumns().add(c);
        }
        root = new StackPane(table);
        Scene scene = new Scene(root, 400, 200);
        Theme.applyDefault(scene);
        // TestFX hands every test class the same stage: one an earlier test maximised or sized for a pane would
        // give the table room enough to fit
        stage.setMaximized(false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aTableWiderThanItsPlaceIsNamedWithItsColumns() throws Exception {
        settle();
        assertEquals(400, table.getWidth(), 1, "the table has the scene's width");
        List<String> found = WaitForAsyncUtils.asyncFx(() -> Readability.tablesScrollSideways(root)).get();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("#wide TableView scrolls sideways: 3 columns 600 px wide"), found.get(0));
        assertTrue(found.get(0).contains("'Second' 200"), found.get(0));

        WaitForAsyncUtils.asyncFx(() -> table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS)).get();
        settle();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Readability.tablesScrollSideways(root)).get(),
                "three columns sharing the width fit");
    }

    @Test
    void aTableSqueezedToARowIsNamedUntilItKeepsItsRowsInAScrollingColumn() throws Exception {
        TableView<Row> many = new TableView<>(FXCollections.observableArrayList());
        for (int i = 0; i < 10; i++) {
            many.getItems().add(new Row("row " + i, "b", "c"));
        }
        many.setId("squeezed");
        many.getColumns().add(Tables.text("First", Row::a, 100));
        Region above = new Region();
        above.setMinHeight(140); // the scene is 200 px high: room for the header and a row at most
        VBox column = new VBox(above, many);
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().setAll(column)).get();
        settle();
        List<String> found = WaitForAsyncUtils.asyncFx(() -> Readability.tablesShowTooFewRows(root)).get();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("#squeezed TableView shows "), found.get(0));
        assertTrue(found.get(0).endsWith("of 10 in " + Math.round(many.lookup(".virtual-flow").getLayoutBounds().getHeight())
                + " px (wants 3)"), found.get(0));

        WaitForAsyncUtils.asyncFx(() -> {
            Tables.showRows(many, 3);
            root.getChildren().setAll(Forms.scrollingColumn(column));
        }).get();
        settle();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> Readability.tablesShowTooFewRows(root)).get(),
                "the table keeps three rows and the column scrolls");
        assertTrue(column.getHeight() > 200, "the column is taller than the scene: " + column.getHeight());
    }

    private static void settle() {
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
