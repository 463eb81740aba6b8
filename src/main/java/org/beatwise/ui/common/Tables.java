package org.beatwise.ui.common;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;

/**
 * Table columns for the panes: text, numbers as text or as numbers (which sort as numbers), and a header
 * with a tooltip. A column's width is an argument here, not a style class: a {@link TableColumn} is not
 * a node and JavaFX CSS cannot size it.
 */
public final class Tables {

    private Tables() { }

    public static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        keepWholeWhenShown(c);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    public static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = text(title, value);
        c.setPrefWidth(width);
        return c;
    }

    /** A figure shown with three decimals, as the command line prints it. */
    public static <S> TableColumn<S, String> decimal(String title, Function<S, Double> value) {
        return text(title, s -> String.format(Locale.ROOT, "%.3f", value.apply(s)));
    }

    /** A number kept as a number, so the column sorts by value. */
    public static <S> TableColumn<S, Number> number(String title, Function<S, Number> value) {
        TableColumn<S, Number> c = new TableColumn<>(title);
        keepWholeWhenShown(c);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** Once the column is in a table, that table keeps its headers and cells whole ({@link #keepWhole}). */
    private static void keepWholeWhenShown(TableColumn<?, ?> column) {
        column.tableViewProperty().addListener((o, a, table) -> {
            if (table != null) {
                keepWhole(table);
            }
        });
    }

    /**
     * Widens each column to its header's words and the widest cell on screen, after every layout: a
     * larger font (presentation mode) or a longer name never turns a header into "Top off…". A table
     * wider than its place scrolls sideways instead of cutting words.
     */
    public static void keepWhole(TableView<?> table) {
        if (table.getProperties().putIfAbsent(KEEP_WHOLE, Boolean.TRUE) != null) {
            return;
        }
        table.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                fitColumns(table);
            }
        });
    }

    private static final Object KEEP_WHOLE = new Object();

    private static void fitColumns(TableView<?> table) {
        Map<TableColumnBase<?, ?>, Double> need = new HashMap<>();
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null && header.isVisible()) {
                Node label = header.lookup(".label");
                if (label instanceof Label l) {
                    // the sort arrow takes room beside the words once the column is sorted
                    double width = l.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + 16;
                    need.merge(header.getTableColumn(), width, Math::max);
                }
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableColumn() != null
                    && cell.getText() != null && !cell.getText().isEmpty()) {
                // Measured from the words: a table cell's own preferred width is its column's width.
                Text words = new Text(cell.getText());
                words.setFont(cell.getFont());
                double width = words.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset() + 4;
                need.merge(cell.getTableColumn(), width, Math::max);
            }
        }
        need.forEach((column, width) -> {
            double w = Math.ceil(width);
            if (column.getMinWidth() != w) {
                column.setMinWidth(w);
            }
            if (column.getPrefWidth() < w) {
                column.setPrefWidth(w);
            }
        });
    }

    /** Our own words for an empty table, instead of JavaFX's "No content in table". */
    public static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("table-placeholder");
        return l;
    }

    /** Puts a tooltip on the column's header (a header has no tooltip of its own). */
    public static <S> void headerTip(TableColumn<S, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(Forms.tooltip(text));
        column.setGraphic(header);
        column.setText("");
    }
}
