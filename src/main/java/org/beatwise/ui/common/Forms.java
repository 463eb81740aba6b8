package org.beatwise.ui.common;

import javafx.scene.control.Labeled;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Small layout rules shared by the panes' forms. */
public final class Forms {

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
}
