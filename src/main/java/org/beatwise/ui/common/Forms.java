package org.beatwise.ui.common;

import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The panes' form pieces: a bound text field with its tooltip, tooltips that wrap, labels kept whole. */
public final class Forms {

    /** Wide enough for two sentences a line; a narrower tooltip turns a paragraph into a column. */
    private static final double TIP_WIDTH = 420;

    private Forms() { }

    /**
     * Keeps the form's labels, check boxes and radio buttons at their full width: a narrow window
     * squeezes the input fields, never the words that say what they are.
     */
    public static GridPane keepLabelsWhole(GridPane form) {
        form.getChildren().forEach(n -> {
            if (n instanceof Labeled labeled) {
                labeled.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        return form;
    }

    /**
     * A pane's settings column: scrolls up and down, never sideways. It asks its split pane for the width
     * its widest setting needs (labels whole, choices as wide as their names), so in presentation mode
     * the results beside it give way instead of the form being cut or scrolled.
     */
    public static ScrollPane settingsColumn(Region form) {
        ScrollPane column = new ScrollPane(form) {
            @Override
            protected double computeMinWidth(double height) {
                double bar = 0;
                for (Node n : getChildrenUnmodifiable()) {
                    if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL) {
                        bar = b.prefWidth(-1);
                    }
                }
                return snappedLeftInset() + form.minWidth(-1) + bar + snappedRightInset();
            }
        };
        column.setFitToWidth(true);
        column.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return column;
    }

    /**
     * Results that fill the room they are given, and scroll up and down (never sideways) when their parts
     * need more: tables that keep their rows ({@link Tables#showRows}) and text kept whole
     * ({@link #keepTall}) on a short screen.
     */
    public static ScrollPane scrollingColumn(Region content) {
        ScrollPane column = new ScrollPane(content);
        column.setFitToWidth(true);
        column.setFitToHeight(true);
        column.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return column;
    }

    /** Buttons, labels and choices keep their words: a narrow window never shrinks one to "Del…" or "synthetic-…". */
    public static void keepWhole(Region... nodes) {
        for (Region n : nodes) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** Wrapped text keeps all its lines: a pane short of height never turns a paragraph into "…". */
    public static void keepTall(Region... nodes) {
        for (Region n : nodes) {
            n.setMinHeight(Region.USE_PREF_SIZE);
        }
    }

    /**
     * A choice as wide as the name it shows. A combo box sizes itself from its list, which is styled only
     * once it opens, so after a font change (presentation mode) it would cut a long dataset name short.
     */
    public static void fitChoice(ComboBox<?> box) {
        box.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs && box.lookup(".list-cell") instanceof ListCell<?> cell && cell.getText() != null) {
                Text words = new Text(cell.getText());
                words.setFont(cell.getFont());
                double arrow = box.lookup(".arrow-button") instanceof Region r ? r.getWidth() : 24;
                double width = Math.ceil(words.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset()
                        + arrow + box.snappedLeftInset() + box.snappedRightInset() + 4);
                if (box.getMinWidth() < width) {
                    box.setMinWidth(width);
                }
            }
        });
    }

    /**
     * The choice shows each item by {@code name} (not its {@code toString}); the box is not editable, so
     * text never has to be turned back into an item except by finding the item with that name.
     */
    public static <T> void names(ComboBox<T> box, Function<T, String> name) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return box.getItems().stream().filter(item -> name.apply(item).equals(text)).findFirst().orElse(null);
            }
        });
    }

    /** A text field bound both ways to the view-model's text, eight characters wide, with a tooltip. */
    public static TextField field(StringProperty property, String tip) {
        TextField f = new TextField();
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(property);
        tip(f, tip);
        return f;
    }

    /** The same with the id tests and the style sheet find it by. */
    public static TextField field(String id, StringProperty property, String tip) {
        TextField f = field(property, tip);
        f.setId(id);
        return f;
    }

    public static void tip(Control control, String text) {
        control.setTooltip(tooltip(text));
    }

    /** A tooltip that wraps and stays long enough to be read to the end. */
    public static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(TIP_WIDTH);
        t.setShowDuration(Duration.seconds(30));
        return t;
    }
}
