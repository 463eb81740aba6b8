package org.beatwise.ui.look;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;

/**
 * What a reader of the screen would find wrong: a label shown cut short (its skin's text differs
 * from its own text, usually ending in "…"), chart axes that lie (a probability past 100 %, a
 * count with fractional ticks, an axis without a title), a form that must be scrolled sideways
 * to be read, a table whose columns are wider than the table, and a table squeezed to a row or two.
 */
final class Readability {

    private Readability() { }

    /** Every visible, on-screen Labeled whose displayed text is not its whole text. */
    static List<String> clipped(Parent root) {
        List<String> found = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, node -> {
            // a label drawing its graphic only (a table header with a tooltip) does not show its text at all
            if (node instanceof Labeled l && shown(l) && l.getText() != null && !l.getText().isBlank()
                    && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (b.getWidth() > 0 && window.intersects(b)) {
                    String displayed = displayedText(l);
                    if (displayed != null && !displayed.equals(l.getText())) {
                        found.add(describe(l) + ": '" + l.getText() + "' shown as '" + displayed + "'");
                    }
                }
            }
        });
        return found;
    }

    /**
     * Every shown ScrollPane that scrolls sideways: its horizontal bar is showing, or its content is
     * wider than its viewport. (Tables scroll their own columns and are not ScrollPanes; a pannable
     * pane, such as the confusion heat map, is a picture to move about, not a form.)
     */
    static List<String> scrollsSideways(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, node -> {
            // a pannable view (the confusion heat map) is meant to be dragged about in both directions
            if (node instanceof ScrollPane sp && shown(sp) && sp.getContent() != null && !sp.isPannable()) {
                double viewport = sp.getViewportBounds().getWidth();
                double content = sp.getContent().getLayoutBounds().getWidth();
                boolean bar = sp.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof ScrollBar b
                        && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
                if (bar || content > viewport + 0.5) {
                    found.add(describe(sp) + " scrolls sideways: content " + Math.round(content) + " px wide in a "
                            + Math.round(viewport) + " px viewport" + (bar ? ", horizontal scroll bar shown" : ""));
                }
            }
        });
        return found;
    }

    /**
     * Every shown TableView or TreeTableView whose columns are wider than the table: its horizontal
     * scroll bar is showing, or (a constrained resize policy that ran out of room) its columns run past
     * its right edge with no bar to reach them. A reader, or a room watching a projector, would have to
     * scroll, or could not see them at all. The bar is the table's own VirtualFlow's, not one of a table
     * nested inside a cell.
     */
    static List<String> tablesScrollSideways(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, node -> {
            if ((node instanceof TableView<?> || node instanceof TreeTableView<?>) && shown(node)) {
                Control table = (Control) node;
                boolean bar = false;
                double verticalBar = 0;
                for (Node n : table.lookupAll(".scroll-bar")) {
                    if (n instanceof ScrollBar b && b.isVisible() && owner(b) == table) {
                        bar |= b.getOrientation() == Orientation.HORIZONTAL;
                        verticalBar += b.getOrientation() == Orientation.VERTICAL ? b.getWidth() : 0;
                    }
                }
                List<? extends TableColumnBase<?, ?>> columns = node instanceof TableView<?> t
                        ? t.getVisibleLeafColumns() : ((TreeTableView<?>) node).getVisibleLeafColumns();
                double wide = columns.stream().mapToDouble(TableColumnBase::getWidth).sum();
                double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBar;
                if (bar || wide > room + 1) {
                    found.add(describe(table) + (bar ? " scrolls sideways: " : " cuts off columns: ") + columns.size()
                            + " columns " + Math.round(wide) + " px wide in a " + Math.round(table.getWidth())
                            + " px table with " + Math.round(room) + " px for them (" + String.join(", ", columns.stream()
                            .map(c -> headerOf(c) + " " + Math.round(c.getWidth()) + " (least " + Math.round(c.getMinWidth())
                                    + ")").toList()) + ")");
                }
            }
        });
        return found;
    }

    /** Rows a table with data shows at least (all of them when it has fewer). */
    static final int FEWEST_ROWS = 3;

    /**
     * Every shown table with rows whose own viewport holds fewer than {@link #FEWEST_ROWS} whole rows
     * (or fewer than all, if it has fewer): a table squeezed to a row or two, which a reader must
     * scroll a line at a time. A table inside a scrolling pane is judged by its own height, not by
     * what the pane shows of it.
     */
    static List<String> tablesShowTooFewRows(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, node -> {
            if (node instanceof TableView<?> table && shown(node) && !table.getItems().isEmpty()) {
                Node flow = table.lookup(".virtual-flow");
                if (flow == null) {
                    return;
                }
                Bounds view = flow.localToScene(flow.getLayoutBounds());
                int whole = 0;
                for (Node row : table.lookupAll(".table-row-cell")) {
                    if (row instanceof javafx.scene.control.TableRow<?> r && r.isVisible() && !r.isEmpty()
                            && owner(r) == table) {
                        Bounds b = r.localToScene(r.getLayoutBounds());
                        if (b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5) {
                            whole++;
                        }
                    }
                }
                int wanted = Math.min(FEWEST_ROWS, table.getItems().size());
                if (whole < wanted) {
                    found.add(describe(table) + " shows " + whole + " whole row(s) of " + table.getItems().size()
                            + " in " + Math.round(view.getHeight()) + " px (wants " + wanted + ")");
                }
            }
        });
        return found;
    }

    /** The nearest table a node lies in. */
    private static Node owner(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TableView<?> || n instanceof TreeTableView<?>) {
                return n;
            }
        }
        return null;
    }

    /** A column's header words, also when they sit in a graphic (a header with a tooltip). */
    private static String headerOf(TableColumnBase<?, ?> column) {
        if (column.getText() != null && !column.getText().isEmpty()) {
            return "'" + column.getText().replace('\n', ' ') + "'";
        }
        return column.getGraphic() instanceof Labeled l ? "'" + l.getText() + "'" : "(no header)";
    }

    /** Axes that misstate their values: titles missing, percentages past 0–100, fractional counts. */
    static List<String> axisProblems(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, node -> {
            if (node instanceof XYChart<?, ?> chart && shown(chart)) {
                check(chart, chart.getXAxis(), found);
                check(chart, chart.getYAxis(), found);
            }
        });
        return found;
    }

    private static void check(Chart chart, Axis<?> axis, List<String> found) {
        String where = describe(chart) + " axis '" + axis.getLabel() + "'";
        if (axis.getLabel() == null || axis.getLabel().isBlank()) {
            found.add(describe(chart) + ": an axis without a title");
            return;
        }
        if (axis instanceof CategoryAxis) {
            return;
        }
        NumberAxis n = (NumberAxis) axis;
        String label = axis.getLabel().toLowerCase(Locale.ROOT);
        if (label.contains("%")) {
            if (n.getLowerBound() < 0 || n.getUpperBound() > 100) {
                found.add(where + " runs " + n.getLowerBound() + "–" + n.getUpperBound() + " for a percentage");
            }
        } else if (!label.contains("(")) {
            found.add(where + " has no unit in brackets");
        }
        if (n.getStyleClass().contains("count-axis")) {
            for (Axis.TickMark<?> t : n.getTickMarks()) {
                double v = ((Number) t.getValue()).doubleValue();
                if (v != Math.rint(v)) {
                    found.add(where + " counts but has a tick at " + v);
                }
            }
        }
    }

    private static String displayedText(Labeled l) {
        if (l.getSkin() == null) {
            return null;
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            // The skin's LabeledText: the Text the label actually draws.
            if (child instanceof Text t && t.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                path.insert(0, "#" + n.getId() + " ");
                if (n.getId().startsWith("pane-")) {
                    break;
                }
            }
        }
        return path + node.getClass().getSimpleName();
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }
}
