package org.beatwise.ui.common;

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
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** Puts a tooltip on the column's header (a header has no tooltip of its own). */
    public static <S> void headerTip(TableColumn<S, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(Forms.tooltip(text));
        column.setGraphic(header);
        column.setText("");
    }
}
