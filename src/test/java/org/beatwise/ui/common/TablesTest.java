package org.beatwise.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Columns whose words wrap let a narrow table keep every column in view, with their headers whole. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TablesTest {

    private static final String NAME = "synthetic-demo-description-2026-12-01";
    private static final String NOTE = "Too few test incidents to judge whether this district is served as well as the others";

    record Row(String name, int count, String note) { }

    private TableView<Row> table;
    private TableColumn<Row, String> name;
    private TableColumn<Row, Number> count;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(new Row(NAME, 49_900, NOTE), new Row("b", 3, "short")));
        name = Tables.wrapping(Tables.text("Model", Row::name, 220), Tables.Breaks.INSIDE_NAMES);
        count = Tables.number("Incidents", Row::count);
        Tables.headerTip(count, "Test incidents in the group.");
        var note = Tables.wrapping(Tables.text("Note", Row::note, 500), Tables.Breaks.BETWEEN_WORDS);
        table.getColumns().setAll(List.of(name, count, note));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Scene scene = new Scene(new StackPane(table), 380, 300);
        Theme.applyDefault(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void wrappedWordsLetTheColumnsShareANarrowTable() throws Exception {
        settle();
        double wide = table.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getWidth).sum();
        assertTrue(wide <= table.getWidth(), "columns " + wide + " px wide in a " + table.getWidth() + " px table");
        assertFalse(table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()), "no horizontal scroll bar");

        TableRow<?> longRow = row(0);
        TableRow<?> shortRow = row(1);
        assertTrue(longRow.getHeight() > 1.5 * shortRow.getHeight(),
                "the long note and name go onto more lines: rows " + longRow.getHeight() + " and " + shortRow.getHeight() + " px");
    }

    @Test
    void aNameBreaksAfterItsHyphensButNotInsideAWord() throws Exception {
        settle();
        Font font = table.lookupAll(".table-cell").stream().findFirst().map(n -> ((javafx.scene.control.Labeled) n).getFont())
                .orElseThrow();
        assertTrue(name.getMinWidth() >= width("description-", font), "the longest piece fits: " + name.getMinWidth());
        assertTrue(name.getMinWidth() < width(NAME, font), "but not the whole name: " + name.getMinWidth());
    }

    @Test
    void shortPartsOfANameStayTogetherWhereLongOnesBreak() throws Exception {
        String broken = WaitForAsyncUtils.asyncFx(() -> Tables.lines("M/V ACCIDENT - SICK/INJURED/MEDICAL B&E-2", 1,
                javafx.scene.text.Font.font(12))).get();
        assertEquals(java.util.List.of("M/V", "ACCIDENT", "-", "SICK/", "INJURED/", "MEDICAL", "B&E-2"),
                java.util.List.of(broken.split("\n")), "one piece a line at a width of 1 px");
    }

    @Test
    void aHeaderWithATooltipKeepsItsWordsWholeAndForTheColumnMenu() throws Exception {
        settle();
        assertEquals("Incidents", count.getText(), "the table's menu of columns names it");
        Node header = table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == count)
                .findFirst().orElseThrow();
        javafx.scene.control.Label label = (javafx.scene.control.Label) header.lookup(".label");
        assertTrue(count.getWidth() >= label.prefWidth(-1), "the header's words fit: " + count.getWidth() + " px");
        assertEquals(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY, label.getContentDisplay(),
                "the words are drawn once, by the label carrying the tooltip");
    }

    private TableRow<?> row(int index) {
        return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index).findFirst().orElseThrow();
    }

    private static double width(String words, Font font) {
        Text t = new Text(words);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static void settle() {
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
