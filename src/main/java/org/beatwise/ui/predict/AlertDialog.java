package org.beatwise.ui.predict;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.beatwise.store.AlertRecord;

/**
 * The dialog for alerts a check raised: each one says which rule fired, where, and about which
 * offence type or hotspot (the rule's own words), with the model and hotspot set it used; the user
 * can go to the place on the map or to the alert log.
 */
final class AlertDialog {

    static final ButtonType SHOW_ON_MAP = new ButtonType("Show on map", ButtonData.OK_DONE);
    static final ButtonType OPEN_LOG = new ButtonType("Open alert log", ButtonData.OTHER);
    static final ButtonType CLOSE = new ButtonType("Close", ButtonData.CANCEL_CLOSE);

    private AlertDialog() { }

    static Dialog<ButtonType> of(List<AlertRecord> raised, Window owner, List<String> stylesheets) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(raised.size() == 1 ? "Beatwise alert: " + rule(raised.get(0).rule())
                : "Beatwise: " + raised.size() + " alerts");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        var pane = dialog.getDialogPane();
        pane.setId("alert-dialog");
        pane.getStyleClass().add("alert-dialog");
        pane.getStylesheets().setAll(stylesheets);
        pane.getButtonTypes().setAll(SHOW_ON_MAP, OPEN_LOG, CLOSE);
        VBox cards = new VBox(10);
        for (AlertRecord a : raised) {
            cards.getChildren().add(card(a));
        }
        pane.setContent(cards);
        return dialog;
    }

    private static Node card(AlertRecord a) {
        Label heading = new Label(rule(a.rule()));
        heading.getStyleClass().add("alert-heading");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, "Why", a.detail());
        row = fact(facts, row, "Where", String.format(Locale.ROOT, "%.5f, %.5f", a.lat(), a.lon()));
        row = fact(facts, row, "Model", a.modelName());
        fact(facts, row, "Hotspot set", a.hotspotSet());
        VBox card = new VBox(6, heading, facts);
        card.getStyleClass().add("alert-card");
        card.setPadding(new Insets(4));
        return card;
    }

    private static int fact(GridPane grid, int row, String name, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label n = new Label(name);
        n.getStyleClass().add("alert-fact-name");
        n.setMinWidth(Label.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("alert-fact-value");
        v.setWrapText(true);
        grid.addRow(row, n, v);
        return row + 1;
    }

    static String rule(String name) {
        return switch (name) {
            case "HIGH_CONFIDENCE" -> "High-confidence prediction";
            case "HIGH_RISK_CLASS" -> "High-risk offence type";
            case "PROXIMITY" -> "Near a hotspot";
            default -> name;
        };
    }

}
