package org.beatwise.ui.alerts;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.beatwise.alert.AlertRule;
import org.beatwise.store.AlertRecord;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Tables;

/** The Alerts pane: history with filters, and the rules' settings. */
public final class AlertsView extends VBox {

    public AlertsView(AlertsViewModel vm) {
        setSpacing(10);
        setPadding(new Insets(16));

        ComboBox<AlertRule> rule = new ComboBox<>();
        rule.getItems().add(null);
        rule.getItems().addAll(AlertRule.values());
        rule.setPromptText("Any rule");
        rule.valueProperty().bindBidirectional(vm.ruleFilterProperty());
        TextField user = new TextField();
        user.setPromptText("Any user");
        user.textProperty().bindBidirectional(vm.userFilterProperty());
        DatePicker since = new DatePicker();
        since.setPromptText("Since");
        since.valueProperty().bindBidirectional(vm.sinceFilterProperty());
        Button apply = new Button("Refresh");
        apply.setOnAction(e -> vm.refresh());
        HBox filters = new HBox(8, new Label("Filter:"), rule, user, since, apply);

        TableView<AlertRecord> table = new TableView<>(vm.rows());
        table.setId("alerts-table");
        table.setPlaceholder(Tables.placeholder("No alerts match. Alerts are raised when Predict & Map checks a place."));
        // The free text wraps (the date above the time, the latitude above the longitude, a model's name after
        // its hyphens) so that all seven columns fit the pane, also in presentation mode.
        table.getColumns().add(Tables.wrapping(Tables.text("Time", (AlertRecord a) -> a.at().toString().replace('T', ' ')
                .substring(0, 19)), Tables.Breaks.BETWEEN_WORDS));
        table.getColumns().add(Tables.text("User", AlertRecord::username));
        table.getColumns().add(Tables.wrapping(Tables.text("Rule", AlertRecord::rule), Tables.Breaks.INSIDE_NAMES));
        table.getColumns().add(Tables.wrapping(Tables.text("Place", (AlertRecord a) -> String.format("%.5f, %.5f", a.lat(),
                a.lon())), Tables.Breaks.BETWEEN_WORDS));
        table.getColumns().add(Tables.wrapping(Tables.text("Why", AlertRecord::detail, 300), Tables.Breaks.BETWEEN_WORDS));
        table.getColumns().add(Tables.wrapping(Tables.text("Model", AlertRecord::modelName, 220), Tables.Breaks.INSIDE_NAMES));
        table.getColumns().add(Tables.wrapping(Tables.text("Hotspot\nset", AlertRecord::hotspotSet), Tables.Breaks.INSIDE_NAMES));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField threshold = new TextField();
        threshold.setId("alert-threshold");
        threshold.textProperty().bindBidirectional(vm.thresholdProperty());
        Forms.tip(threshold, "Alert when the top class's probability reaches this value (0–1). "
                + "Crime-type models are rarely confident: most predictions stay far below 0.70.");
        TextField proximity = new TextField();
        proximity.setId("alert-proximity");
        proximity.textProperty().bindBidirectional(vm.proximityProperty());
        Forms.tip(proximity, "Alert when a checked place (or the station) is this close to a hotspot's edge, in metres.");
        TextArea highRisk = new TextArea();
        highRisk.setPrefRowCount(3);
        highRisk.textProperty().bindBidirectional(vm.highRiskProperty());
        Forms.tip(highRisk, "One predicted class per line that always raises an alert.");
        TextField station = new TextField();
        station.textProperty().bindBidirectional(vm.stationProperty());
        station.setPromptText("latitude, longitude (optional)");
        Forms.tip(station, "Where the station is, as latitude, longitude. When set, a hotspot near the station itself "
                + "raises an alert too. Leave empty if you do not want that.");
        Button save = new Button("Save settings");
        save.setId("alert-save");
        save.setOnAction(e -> vm.saveSettings());
        save.setDisable(!vm.canChangeSettings());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Confidence threshold"), threshold);
        form.addRow(1, new Label("Proximity (m)"), proximity);
        form.addRow(2, new Label("High-risk classes"), highRisk);
        form.addRow(3, new Label("Station location"), station);
        form.addRow(4, save, message);
        Forms.keepLabelsWhole(form);
        TitledPane settings = new TitledPane("Alert rules", form);
        settings.setExpanded(false);

        getChildren().addAll(filters, table, settings);
        // The pane is kept while the user works elsewhere: show alerts raised meanwhile when it returns.
        parentProperty().addListener((o, old, parent) -> {
            if (parent != null) {
                vm.refresh();
            }
        });
    }
}
