package org.beatwise.ui.train;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.beatwise.model.Grouping;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Tables;

/**
 * Lays out and binds {@link ExplainModelViewModel}: the importance table and the per-group table. Put
 * it in a {@link Forms#scrollingColumn}: its text and tables keep their height on a short screen.
 */
public final class ExplainModelView extends VBox {

    public ExplainModelView(ExplainModelViewModel vm) {
        super(8);
        setId("train-explain");
        // narrow sides: in presentation mode at 1280 px the six group columns need all but a few pixels
        setPadding(new Insets(8, 4, 8, 4));
        ComboBox<Grouping> by = new ComboBox<>();
        by.setId("explain-by");
        by.getItems().setAll(Grouping.values());
        Forms.names(by, Grouping::key);
        by.valueProperty().bindBidirectional(vm.groupingProperty());
        Button compute = new Button("Compute for this model");
        compute.setId("explain-compute");
        compute.disableProperty().bind(vm.runningProperty().or(vm.modelProperty().isNull()));
        compute.setOnAction(e -> vm.compute());
        HBox bar = new HBox(8, new Label("Groups by"), by, compute);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty()); // no empty line above the summary
        Label summary = new Label();
        summary.setId("explain-summary");
        summary.getStyleClass().add("note");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        // the explanation of what the figures mean is read in full; the tables below give up height first
        Forms.keepTall(error, summary);

        TableView<ExplainModelViewModel.ImportanceRow> importance = new TableView<>(vm.importance());
        importance.setId("explain-importance");
        importance.getColumns().add(Tables.text("Feature", ExplainModelViewModel.ImportanceRow::feature));
        importance.getColumns().add(Tables.text("Log loss\nincrease", ExplainModelViewModel.ImportanceRow::logLossIncrease));
        importance.getColumns().add(Tables.text("Top-3\ndrop", ExplainModelViewModel.ImportanceRow::top3Drop));
        importance.getColumns().add(Tables.text("Accuracy\ndrop", ExplainModelViewModel.ImportanceRow::accuracyDrop));
        importance.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Tables.showRows(importance, 12); // every feature: the paper's set has the most
        importance.setPlaceholder(Tables.placeholder("Not computed yet: press \"Compute for this model\"."));

        TableView<ExplainModelViewModel.GroupRow> groups = new TableView<>(vm.groups());
        groups.setId("explain-groups");
        groups.getColumns().add(Tables.wrapping(Tables.text("Group", ExplainModelViewModel.GroupRow::group),
                Tables.Breaks.BETWEEN_WORDS));
        groups.getColumns().add(Tables.number("Test\nrows", ExplainModelViewModel.GroupRow::rows));
        // Each figure is "model (majority / prior)": the headers say the figure, their tooltips the rest, and
        // the baselines wrap under the model's figure when the tab is narrow.
        String baselines = " on this group, then (majority / prior): the two baselines on the same rows.";
        var acc = Tables.wrapping(Tables.text("Accuracy", ExplainModelViewModel.GroupRow::accuracy, 170),
                Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(acc, "Accuracy (majority / prior): the model's accuracy" + baselines);
        var top3 = Tables.wrapping(Tables.text("Top-3", ExplainModelViewModel.GroupRow::top3, 170),
                Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(top3, "Top-3 accuracy (majority / prior): the model's top-3 accuracy" + baselines);
        var logLoss = Tables.wrapping(Tables.text("Log loss", ExplainModelViewModel.GroupRow::logLoss, 170),
                Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(logLoss, "Log loss (majority / prior): the model's log loss, lower is better," + baselines);
        groups.getColumns().add(acc);
        groups.getColumns().add(top3);
        groups.getColumns().add(logLoss);
        groups.getColumns().add(Tables.wrapping(Tables.text("Notes", ExplainModelViewModel.GroupRow::notes, 280),
                Tables.Breaks.BETWEEN_WORDS));
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        groups.setPlaceholder(Tables.placeholder("Not computed yet: press \"Compute for this model\"."));
        Tables.showRows(groups, 3);
        VBox.setVgrow(groups, Priority.ALWAYS);

        getChildren().addAll(bar, error, summary, new Label("Permutation importance"), importance,
                new Label("Per group, beside the baselines on the same rows"), groups);
    }
}
