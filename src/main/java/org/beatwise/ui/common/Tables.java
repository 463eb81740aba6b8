package org.beatwise.ui.common;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;

/**
 * Table columns for the panes: text, numbers as text or as numbers (which sort as numbers), text that
 * wraps onto more lines instead of widening its column, and a header with a tooltip. A column's width is
 * an argument here, not a style class: a {@link TableColumn} is not a node and JavaFX CSS cannot size it.
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

    /** Where a {@link #wrapping} column's text may break onto a new line. */
    public enum Breaks {
        /** Only between words: each word (a date, a figure) stays whole, so the column is at least as wide. */
        BETWEEN_WORDS,
        /** Also inside a long name, after its hyphens, slashes, underscores, colons and commas. */
        INSIDE_NAMES
    }

    /**
     * Lets the column's words wrap onto more lines (the row grows taller) instead of asking for the width
     * of the whole text: free text such as a class name, a note or a list of offences. Such a column only
     * needs its header's width and its longest unbreakable piece, so a table can share its width between
     * columns and never scroll sideways, also in presentation mode's larger font.
     */
    public static <S, T> TableColumn<S, T> wrapping(TableColumn<S, T> column, Breaks breaks) {
        column.getProperties().put(Breaks.class, breaks);
        column.setCellFactory(c -> new WrappingCell<>(breaks));
        return column;
    }

    /**
     * A cell drawing its text as a {@link Text} as wide as the cell, in the cell's own font and colour.
     * JavaFX wraps a Text only at spaces (a longer word is cut anywhere), so a name that may break after
     * its hyphens or slashes ("SICK/INJURED/MEDICAL") is broken into lines here.
     */
    private static final class WrappingCell<S, T> extends TableCell<S, T> {
        private final Text words = new Text();
        private final Breaks breaks;
        private String whole;

        WrappingCell(Breaks breaks) {
            this.breaks = breaks;
            words.getStyleClass().add("wrapping-text");
            words.fontProperty().bind(fontProperty());
            words.fillProperty().bind(textFillProperty());
            words.wrappingWidthProperty().bind(Bindings.createDoubleBinding(this::room, widthProperty(), paddingProperty()));
            if (breaks == Breaks.INSIDE_NAMES) {
                words.wrappingWidthProperty().addListener((o, a, b) -> show());
                words.fontProperty().addListener((o, a, b) -> show());
            }
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        private double room() {
            return Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            whole = empty || item == null ? null : item.toString();
            setGraphic(whole == null ? null : words);
            show();
        }

        private void show() {
            if (whole == null) {
                return;
            }
            words.setText(breaks == Breaks.INSIDE_NAMES && room() > 0 ? lines(whole, room(), words.getFont()) : whole);
        }
    }

    /** The text with a line break wherever the next piece would not fit the width, at a name's breaks only. */
    static String lines(String text, double width, Font font) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String piece : NAME_BREAKS.split(text)) {
            if (line.length() > 0 && width(line + piece.stripTrailing(), font) > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
            }
            line.append(piece);
        }
        return out.append(line.toString().stripTrailing()).toString();
    }

    /**
     * Where a name may break: after a space or a comma; after a hyphen, slash, underscore or colon only
     * between parts of three letters or more, so "SICK/INJURED" may break but "M/V" and "B&E-2" stay whole.
     */
    private static final Pattern NAME_BREAKS = Pattern.compile("(?<=[\\s,])|(?<=[\\p{L}\\p{N}]{3}[/_:-])(?=[\\p{L}\\p{N}]{3})");

    /** Once the column is in a table, that table keeps its headers and cells whole ({@link #keepWhole}). */
    private static void keepWholeWhenShown(TableColumn<?, ?> column) {
        column.tableViewProperty().addListener((o, a, table) -> {
            if (table != null) {
                keepWhole(table);
            }
        });
    }

    /**
     * Keeps each column at least as wide as its header's words and the widest cell on screen (for a
     * {@link #wrapping} column: its longest word), after every layout: a larger font (presentation mode)
     * or a longer name never turns a header into "Top off…". A table with a constrained resize policy
     * then shares out the rest of its width; one whose columns need more than its width (a CSV file's
     * preview) scrolls sideways instead of cutting words.
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

    /**
     * Keeps the table at least tall enough for its header and its first {@code rows} rows (when it has
     * no more, exactly as tall as all of them), measured after every layout: a pane short of height
     * (1280×800, presentation mode's larger font, rows that wrap) would otherwise squeeze it to a row or
     * two that a reader must scroll one at a time. The pane around it must then give way: put it in a vertically scrolling
     * column ({@link Forms#settingsColumn}, {@link Forms#scrollingColumn}).
     */
    public static void showRows(TableView<?> table, int rows) {
        table.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                fitRows(table, rows);
            }
        });
    }

    private static void fitRows(TableView<?> table, int rows) {
        Node header = table.lookup(".column-header-background");
        int wanted = Math.min(rows, table.getItems().size());
        if (header == null || wanted == 0) {
            resize(table, Region.USE_COMPUTED_SIZE, false);
            return;
        }
        boolean[] seen = new boolean[wanted];
        double known = 0;
        int measured = 0;
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0 && row.getIndex() < wanted
                    && row.getTableView() == table && row.getHeight() > 0 && !seen[row.getIndex()]) {
                seen[row.getIndex()] = true;
                known += row.getHeight();
                measured++;
            }
        }
        if (measured == 0) {
            return; // no row laid out yet: the next layout measures them
        }
        // rows not laid out yet (the flow makes only as many as it shows) count as the average of the others
        double need = header.getBoundsInParent().getHeight() + known + (wanted - measured) * (known / measured)
                + table.snappedTopInset() + table.snappedBottomInset() + 2;
        // a table that shows all its rows is as tall as they are, not as tall as a table's default
        resize(table, Math.ceil(need), table.getItems().size() <= rows);
    }

    private static void resize(TableView<?> table, double height, boolean exactly) {
        if (Math.abs(table.getMinHeight() - height) > 1 || exactly && Math.abs(table.getPrefHeight() - height) > 1) {
            // after this pulse: the table is measured inside its parent's layout, which would not hear
            // a request to lay itself out again made now
            Platform.runLater(() -> {
                table.setMinHeight(height);
                if (exactly) {
                    table.setPrefHeight(height);
                }
            });
        }
    }

    private static void fitColumns(TableView<?> table) {
        Map<TableColumnBase<?, ?>, Double> need = new HashMap<>();
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null && header.isVisible()) {
                Node label = header.lookup(".label");
                if (label instanceof Label l) {
                    // the sort arrow takes room beside the words once a sortable column is sorted
                    double arrow = header.getTableColumn().isSortable() ? 16 : 0;
                    double width = l.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + arrow;
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
            } else if (n instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getTableColumn() != null
                    && cell.getGraphic() instanceof Text wrapped && wrapped.getText() != null) {
                boolean insideNames = cell.getTableColumn().getProperties().get(Breaks.class) == Breaks.INSIDE_NAMES;
                need.merge(cell.getTableColumn(), longestPiece(wrapped, insideNames) + cell.snappedLeftInset()
                        + cell.snappedRightInset() + 4, Math::max);
            }
        }
        boolean[] changed = {false};
        need.forEach((column, width) -> {
            double w = Math.ceil(width);
            if (column.getMinWidth() != w) {
                column.setMinWidth(w);
                changed[0] = true;
            }
            if (column.getPrefWidth() < w) {
                column.setPrefWidth(w);
            }
        });
        if (changed[0]) {
            // A constrained policy shares the width out again only when the table or a column is resized,
            // not when a column's least width changes: ask it now, or columns would run past the edge.
            table.getColumnResizePolicy().call(new TableView.ResizeFeatures(table, null, 0d));
        }
    }

    /** The widest piece of the text a line may not break inside: a word, or with names a part of one. */
    private static double longestPiece(Text wrapped, boolean insideNames) {
        Font font = wrapped.getFont();
        String key = font.getName() + '|' + font.getSize() + '|' + insideNames + '|' + wrapped.getText();
        // measured again after every layout of every table: remember the recent answers (FX thread only)
        return PIECES.computeIfAbsent(key, k -> {
            double widest = 0;
            for (String piece : (insideNames ? NAME_BREAKS : WORD_BREAKS).split(wrapped.getText())) {
                widest = Math.max(widest, width(piece.strip(), font));
            }
            return widest;
        });
    }

    private static final Map<String, Double> PIECES = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > 4096;
        }
    };

    private static final Pattern WORD_BREAKS = Pattern.compile("\\s+");

    private static double width(String words, Font font) {
        Text piece = new Text(words);
        piece.setFont(font);
        return piece.getLayoutBounds().getWidth();
    }

    /** Our own words for an empty table, instead of JavaFX's "No content in table". */
    public static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("table-placeholder");
        return l;
    }

    /**
     * Puts a tooltip on the column's header (a header has no tooltip of its own): a label with the
     * column's words and the tooltip becomes the header's graphic, shown alone (style class
     * {@code tipped-header}). The column keeps its words, so the table's menu of columns names it too.
     */
    public static <S> void headerTip(TableColumn<S, ?> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(Forms.tooltip(text));
        column.setGraphic(header);
        column.getStyleClass().add("tipped-header");
    }
}
