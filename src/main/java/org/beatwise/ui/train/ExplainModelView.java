package org.beatwise.ui.train;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.beatwise.model.Grouping;
import org.beatwise.ui.common.Tables;

/** Lays out and binds {@link ExplainModelViewModel}: the importance table and the per-group table. */
public final class ExplainModelView extends VBox {

    public ExplainModelView(ExplainModelViewModel vm) {
        super(8);
        setId("train-explain");
        setPadding(new Insets(8));
        ComboBox<Grouping> by = new ComboBox<>();
        by.setId("explain-by");
        by.getItems().setAll(Grouping.values());
        by.valueProperty().bindBidirectional(vm.groupingProperty());
        Button compute = new Button("Compute for this model");
        compute.setId("explain-compute");
        compute.disableProperty().bind(vm.runningProperty().or(vm.modelProperty().isNull()));
        compute.setOnAction(e -> vm.compute());
        HBox bar = new HBox(8, new Label("Groups by"), by, compute);

        Label error = new Label();
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label summary = new Label();
        summary.setId("explain-summary");
        summary.getStyleClass().add("note");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());

        TableView<ExplainModelViewModel.ImportanceRow> importance = new TableView<>(vm.importance());
        importance.setId("explain-importance");
        importance.getColumns().add(Tables.text("Feature", ExplainModelViewModel.ImportanceRow::feature));
        importance.getColumns().add(Tables.text("Log loss increase", ExplainModelViewModel.ImportanceRow::logLossIncrease));
        importance.getColumns().add(Tables.text("Top-3 drop", ExplainModelViewModel.ImportanceRow::top3Drop));
        importance.getColumns().add(Tables.text("Accuracy drop", ExplainModelViewModel.ImportanceRow::accuracyDrop));
        importance.setPrefHeight(170);

        TableView<ExplainModelViewModel.GroupRow> groups = new TableView<>(vm.groups());
        groups.setId("explain-groups");
        groups.getColumns().add(Tables.text("Group", ExplainModelViewModel.GroupRow::group));
        groups.getColumns().add(Tables.number("Test rows", ExplainModelViewModel.GroupRow::rows));
        var acc = Tables.text("Accuracy (majority / prior)", ExplainModelViewModel.GroupRow::accuracy);
        Tables.headerTip(acc, "The model's figure on this group, then the two baselines on the same rows.");
        groups.getColumns().add(acc);
        groups.getColumns().add(Tables.text("Top-3 (majority / prior)", ExplainModelViewModel.GroupRow::top3));
        groups.getColumns().add(Tables.text("Log loss (majority / prior)", ExplainModelViewModel.GroupRow::logLoss));
        groups.getColumns().add(Tables.text("Notes", ExplainModelViewModel.GroupRow::notes, 320));
        VBox.setVgrow(groups, Priority.ALWAYS);

        getChildren().addAll(bar, error, summary, new Label("Permutation importance"), importance,
                new Label("Per group, beside the baselines on the same rows"), groups);
    }
}
