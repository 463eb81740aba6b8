package org.beatwise.ui.train;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.beatwise.ui.common.PngSaver;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.beatwise.model.CalibrationBin;
import org.beatwise.model.ClassMetrics;
import org.beatwise.model.ModelReport;
import org.beatwise.model.ModelSummary;
import org.beatwise.model.Split;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Palette;
import org.beatwise.ui.common.ChartAxes;
import org.beatwise.ui.common.Tables;

/**
 * Train &amp; Evaluate: settings, progress and saved models on the left; the figures beside the baselines,
 * per class, the confusion heat map and the reliability diagram on the right. Lays out and binds only.
 */
public final class TrainView extends SplitPane {

    static final String TIP_DATASET = "The imported incidents to learn from.";
    static final String TIP_TARGET = "What the model predicts.\n"
            + "description: the offence description, the paper's choice; dozens of fine types, so the first guess is "
            + "rarely right.\ngroup: BPD's offence code groups.\ncategory: about a dozen broad analyst categories "
            + "(violent, property, vehicle, drugs, disorder, other) from lib-data/offense-categories.csv; fewer "
            + "classes, a more useful first guess.";
    static final String TIP_FEATURES = "What the model knows about each incident.\n"
            + "default: hour, day of week, month, latitude and longitude.\n"
            + "paper: the same without longitude, as the paper did. Train both to show what leaving it out costs.";
    static final String TIP_SPLIT = "Which incidents are held back for the honest test.\n"
            + "temporal (default): learn from the earlier 80 % of the time span and test on the last 20 %, the way an "
            + "analyst uses a model: to say something about what comes next.\n"
            + "stratified: a random 80:20 within each offence type, the paper's split. Test incidents then sit among "
            + "training incidents in time, which flatters the figures a little.";
    static final String TIP_PRESET = "Fills in the forest settings below.\n"
            + "default: 50 trees, depth 8, at least 40 incidents per leaf, chosen on validation data for the most "
            + "trustworthy probabilities; small and fast.\n"
            + "paper: the paper's forest (depth 15, leaves of a single incident). It memorises its training rows: "
            + "compare its accuracy on its own training rows with its test accuracy.";
    static final String TIP_TREES = "How many decision trees vote, 1–1000. More trees give steadier probabilities but "
            + "train and predict more slowly; past about 50 the gain is small.";
    static final String TIP_DEPTH = "How many questions in a row one tree may ask ('after 8 pm?', 'north of this "
            + "street?'). Deep trees can single out individual incidents: they memorise instead of learning. "
            + "0 = no limit.";
    static final String TIP_LEAF = "The fewest training incidents an answer may rest on. A leaf of 1 says '100 % "
            + "this offence' from a single case; 40 incidents give a frequency worth trusting. Larger leaves mean "
            + "smoother probabilities and a smaller model.";
    static final String TIP_FEATURES_PER_SPLIT = "How many features each question may choose from, drawn at random "
            + "for every split, so that the trees differ from each other. 0 = the square-root rule (2 of 5).";
    static final String TIP_MIN_CLASS = "Offence types with fewer training incidents than this are left out: too few "
            + "examples to learn from. The notes say how many types and incidents that removed.";
    static final String TIP_SEED = "Starts every random choice: the split, the incidents each tree sees, the features "
            + "it tries. The same data, settings and seed give the same model and the same figures.";
    static final String TIP_NAME = "Name to save the model under; empty = dataset-target-date. Letters, digits, '.', "
            + "'_' or '-'. An existing model is never replaced.";
    static final String TIP_MAJORITY = "Majority baseline: always guess the most frequent offence type of the "
            + "training part.";
    static final String TIP_PRIOR = "Prior baseline: give every incident the training frequencies of the offence "
            + "types as its probabilities. A model whose log loss is not below the prior's adds nothing.";

    private static final PseudoClass NOT_TEST = PseudoClass.getPseudoClass("not-test");
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass DIAGONAL = PseudoClass.getPseudoClass("diagonal");

    private final TrainViewModel vm;

    public TrainView(TrainViewModel vm) {
        this(vm, null);
    }

    /** @param explain the importance and per-group tab, or null for none */
    public TrainView(TrainViewModel vm, ExplainModelViewModel explain) {
        this.vm = vm;
        setId("train-pane");
        ScrollPane left = Forms.settingsColumn(form());
        Label headline = new Label();
        headline.setId("train-headline");
        headline.setWrapText(true);
        // a wrapped label in a VBox is otherwise squeezed to one line and cut with an ellipsis
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.textProperty().bind(vm.headlineProperty());
        TabPane tabs = new TabPane(
                new Tab("Figures", figures()),
                new Tab("Per class", perClass()),
                new Tab("Confusion", confusion()),
                new Tab("Calibration", calibration()));
        if (explain != null) {
            explain.modelProperty().bind(vm.reportProperty().map(ModelReport::model));
            tabs.getTabs().add(new Tab("Importance & groups", Forms.scrollingColumn(new ExplainModelView(explain))));
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox right = new VBox(8, headline, tabs);
        right.setPadding(new Insets(8));
        getItems().addAll(left, right);
        setDividerPositions(0.3);
    }

    private VBox form() {
        ComboBox<String> dataset = new ComboBox<>(vm.datasets());
        Forms.fitChoice(dataset);
        dataset.setId("train-dataset");
        dataset.valueProperty().bindBidirectional(vm.datasetProperty());
        dataset.setOnShowing(e -> vm.refreshDatasets()); // datasets imported since the pane opened
        Forms.tip(dataset, TIP_DATASET);
        ComboBox<Target> target = choice("train-target", Target.values(), vm.targetProperty(), Target::key, TIP_TARGET);
        ComboBox<FeatureSet> features = choice("train-features", FeatureSet.values(), vm.featureSetProperty(),
                FeatureSet::key, TIP_FEATURES);
        ComboBox<Split> split = choice("train-split", Split.values(), vm.splitProperty(), Split::key, TIP_SPLIT);
        ComboBox<String> preset = new ComboBox<>();
        preset.setId("train-preset");
        preset.getItems().setAll(TrainViewModel.PRESETS);
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        Forms.tip(preset, TIP_PRESET);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Dataset"), dataset);
        grid.addRow(row++, new Label("Target"), target);
        grid.addRow(row++, new Label("Features"), features);
        grid.addRow(row++, new Label("Split"), split);
        grid.addRow(row++, new Label("Preset"), preset);
        grid.addRow(row++, new Label("Trees"), Forms.field("train-trees", vm.treesProperty(), TIP_TREES));
        grid.addRow(row++, new Label("Max depth"), Forms.field("train-depth", vm.depthProperty(), TIP_DEPTH));
        grid.addRow(row++, new Label("Min rows per leaf"), Forms.field("train-min-leaf", vm.minLeafProperty(), TIP_LEAF));
        grid.addRow(row++, new Label("Features per split"),
                Forms.field("train-features-per-split", vm.featuresPerSplitProperty(), TIP_FEATURES_PER_SPLIT));
        grid.addRow(row++, new Label("Min class size"), Forms.field("train-min-class-size", vm.minClassSizeProperty(), TIP_MIN_CLASS));
        grid.addRow(row++, new Label("Seed"), Forms.field("train-seed", vm.seedProperty(), TIP_SEED));
        TextField name = Forms.field("train-name", vm.modelNameProperty(), TIP_NAME);
        name.setPromptText("dataset-target-date");
        grid.addRow(row, new Label("Save as"), name);
        Forms.keepLabelsWhole(grid);

        Label settingsError = new Label();
        settingsError.setId("train-settings-error");
        settingsError.getStyleClass().add("error");
        settingsError.setWrapText(true);
        settingsError.textProperty().bind(vm.settingsErrorProperty());
        settingsError.managedProperty().bind(settingsError.textProperty().isNotEmpty());

        Button train = new Button("Train");
        train.setId("train-run");
        train.setDefaultButton(true);
        train.disableProperty().bind(vm.canTrainProperty().not());
        train.setOnAction(e -> vm.train());
        Button cancel = new Button("Cancel");
        cancel.setId("train-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setCancelButton(true);
        Forms.keepWhole(train, cancel);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label progressText = new Label();
        progressText.setId("train-progress");
        progressText.textProperty().bind(vm.progressMessageProperty());
        progressText.visibleProperty().bind(vm.runningProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        Label message = new Label();
        message.setId("train-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox box = new VBox(10, grid, settingsError, new HBox(8, train, cancel), bar, progressText, message,
                new Label("Saved models"), savedModels());
        box.setPadding(new Insets(12));
        return box;
    }

    private VBox savedModels() {
        TableView<ModelSummary> table = new TableView<>(vm.savedModels());
        table.setId("train-models");
        table.setPlaceholder(Tables.placeholder("No saved models yet: train one, or import a .bwmodel file."));
        table.setPrefHeight(220);
        // A model's name (dataset-target-date) breaks after its hyphens, the log loss under its prior: the
        // form's column is narrow, the more so in presentation mode.
        table.getColumns().add(Tables.wrapping(Tables.text("Model", ModelSummary::name, 150), Tables.Breaks.INSIDE_NAMES));
        table.getColumns().add(Tables.text("Top-3", m -> m.top3Accuracy() == null ? "" : ModelReport.format(m.top3Accuracy()), 50));
        table.getColumns().add(Tables.wrapping(Tables.text("Log loss\n(prior)", (ModelSummary m) -> m.problem() != null
                ? m.problem() : ModelReport.format(m.logLoss()) + " (" + ModelReport.format(m.priorLogLoss()) + ")", 110),
                Tables.Breaks.BETWEEN_WORDS));
        var size = Tables.text("MB", (ModelSummary m) -> String.format(Locale.ROOT, "%.1f", m.bytes() / 1e6), 40);
        table.getColumns().add(size);
        // the file's size matters least here: it starts hidden, and the table's menu button (+) shows it
        size.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ModelSummary m, boolean empty) {
                super.updateItem(m, empty);
                setTooltip(empty || m == null ? null : Forms.tooltip(m.problem() != null ? m.problem()
                        : String.format(Locale.ROOT, "%s: dataset '%s', target %s, %s split, %d classes, top-1 %s; "
                                + "trained by %s at %s", m.name(), m.dataset(), m.target(), m.split(), m.classes(),
                        ModelReport.format(m.accuracy()), m.createdBy(), m.createdAt())));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> vm.selectedModelProperty().set(m));
        vm.selectedModelProperty().addListener((o, a, m) -> {
            if (table.getSelectionModel().getSelectedItem() != m) {
                table.getSelectionModel().select(m);
            }
        });

        Button load = new Button("Load");
        load.setId("train-load");
        load.disableProperty().bind(vm.canUseSelectedProperty().not());
        load.setOnAction(e -> vm.loadSelected());
        Button delete = new Button("Delete…");
        delete.setId("train-delete");
        delete.disableProperty().bind(vm.canUseSelectedProperty().not());
        delete.setOnAction(e -> {
            ModelSummary m = vm.selectedModelProperty().get();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete model '" + m.name() + "'? This cannot be undone.",
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(getScene().getWindow());
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                vm.deleteSelected();
            }
        });
        Button export = new Button("Export…");
        export.disableProperty().bind(vm.canUseSelectedProperty().not());
        export.setOnAction(e -> {
            FileChooser chooser = chooser();
            chooser.setInitialFileName(vm.selectedModelProperty().get().name() + ".bwmodel");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                vm.exportSelected(file.toPath());
            }
        });
        Button importButton = new Button("Import…");
        importButton.disableProperty().bind(vm.runningProperty());
        importButton.setOnAction(e -> {
            File file = chooser().showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.importFile(file.toPath());
            }
        });
        Button refresh = new Button("↻");
        refresh.setTooltip(new Tooltip("Look again for saved models (trained or imported elsewhere)"));
        refresh.setOnAction(e -> vm.refreshModels());
        Forms.keepWhole(load, delete, export, importButton, refresh);
        // the buttons wrap in a narrow column instead of widening it
        return new VBox(6, table, new FlowPane(8, 6, load, delete, export, importButton, refresh));
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Beatwise model", "*.bwmodel"));
        return chooser;
    }

    private VBox figures() {
        TableView<ModelReport.Figure> table = new TableView<>(vm.figures());
        table.setId("train-figures");
        table.setPlaceholder(Tables.placeholder("Train or load a model to see its test figures."));
        table.getStyleClass().add("train-figures");
        TableColumn<ModelReport.Figure, String> label = Tables.wrapping(
                Tables.text("Figure\n(test rows)", ModelReport.Figure::label, 260), Tables.Breaks.BETWEEN_WORDS);
        TableColumn<ModelReport.Figure, String> model = Tables.text("Model", f -> ModelReport.format(f.model()), 62);
        model.setId("train-figures-model");
        TableColumn<ModelReport.Figure, String> majority = Tables.text("Majority", f -> ModelReport.format(f.majority()), 78);
        majority.setId("train-figures-majority");
        TableColumn<ModelReport.Figure, String> prior = Tables.text("Prior", f -> ModelReport.format(f.prior()), 62);
        prior.setId("train-figures-prior");
        TableColumn<ModelReport.Figure, String> remark = Tables.wrapping(Tables.text("", ModelReport.Figure::remark, 150),
                Tables.Breaks.BETWEEN_WORDS);
        remark.setSortable(false); // a remark, nothing to sort by: its empty header needs no room for a sort arrow
        Tables.headerTip(majority, TIP_MAJORITY);
        Tables.headerTip(prior, TIP_PRIOR);
        table.getColumns().setAll(java.util.List.of(label, model, majority, prior, remark));
        // the figures' names and remarks wrap, so the three figures side by side always fit the tab
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ModelReport.Figure f, boolean empty) {
                super.updateItem(f, empty);
                setTooltip(empty || f == null ? null : Forms.tooltip(f.explanation()));
                // the two figures without baselines are not test figures: set them apart
                pseudoClassStateChanged(NOT_TEST, !empty && f != null && f.majority() == null);
            }
        });
        table.setPrefHeight(330);
        VBox notes = new VBox(4);
        notes.setId("train-notes");
        vm.notes().addListener((ListChangeListener<String>) c -> {
            notes.getChildren().clear();
            for (String n : vm.notes()) {
                Label l = new Label("• " + n);
                l.setWrapText(true);
                Forms.keepTall(l);
                notes.getChildren().add(l);
            }
        });
        Label explain = new Label("Every figure is measured on test incidents the model never saw, beside two baselines "
                + "that need no model at all: majority (always guess the most frequent class) and prior (give every "
                + "incident the training class frequencies). Hover over a row for what it means.");
        explain.getStyleClass().add("note");
        explain.setWrapText(true);
        Forms.keepTall(explain);
        VBox box = new VBox(8, explain, table, notes);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableView<ClassMetrics> perClass() {
        TableView<ClassMetrics> table = new TableView<>(vm.perClass());
        table.setId("train-per-class");
        table.setPlaceholder(Tables.placeholder("Train or load a model to see how it does on each class."));
        table.getColumns().add(Tables.wrapping(Tables.text("Class", ClassMetrics::label, 300), Tables.Breaks.INSIDE_NAMES));
        table.getColumns().add(Tables.decimal("Precision", ClassMetrics::precision));
        table.getColumns().add(Tables.decimal("Recall", ClassMetrics::recall));
        table.getColumns().add(Tables.decimal("F1", ClassMetrics::f1));
        table.getColumns().add(Tables.number("Test\nrows", ClassMetrics::support));
        table.getColumns().subList(1, 5).forEach(c -> c.setPrefWidth(90));
        // a long class name wraps onto a second line rather than push the figures past the edge
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Tables.headerTip(table.getColumns().get(1), "Of the incidents the model called this class, the share that were.");
        Tables.headerTip(table.getColumns().get(2), "Of the incidents of this class, the share the model called it.");
        return table;
    }

    private VBox confusion() {
        GridPane grid = new GridPane();
        grid.setId("train-confusion");
        PngSaver.install(grid, "confusion heat map");
        grid.setHgap(1);
        grid.setVgap(1);
        vm.confusionProperty().addListener((o, a, g) -> fill(grid, g));
        Label explain = new Label("Rows: the true class; columns: the model's first choice. The colour is the share of "
                + "the row, so rare classes show as clearly as common ones. The " + ConfusionGrid.TOP + " classes with "
                + "the most test incidents are shown; the rest are grouped as 'other'.");
        explain.getStyleClass().add("note");
        explain.setWrapText(true);
        ScrollPane scroll = new ScrollPane(grid);
        // a heat map of many classes: dragged about in both directions, like a map
        scroll.setPannable(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, explain, scroll);
        box.setPadding(new Insets(8));
        return box;
    }

    private static void fill(GridPane grid, ConfusionGrid g) {
        grid.getChildren().clear();
        if (g == null) {
            return;
        }
        grid.add(new Label("true ↓  predicted →"), 0, 0);
        for (int c = 0; c < g.size(); c++) {
            Label h = new Label(Integer.toString(c + 1));
            h.setTooltip(new Tooltip(g.labels().get(c)));
            h.getStyleClass().add("confusion-header");
            grid.add(h, c + 1, 0);
        }
        for (int r = 0; r < g.size(); r++) {
            Label rowLabel = new Label((r + 1) + ". " + g.labels().get(r));
            rowLabel.getStyleClass().add("confusion-row-label");
            Forms.keepWhole(rowLabel);
            rowLabel.setTooltip(new Tooltip(g.labels().get(r)));
            grid.add(rowLabel, 0, r + 1);
            for (int c = 0; c < g.size(); c++) {
                double share = g.rowShare(r, c);
                Label cell = new Label(Integer.toString(g.counts()[r][c]));
                cell.getStyleClass().add("confusion-cell");
                cell.pseudoClassStateChanged(DARK, share > 0.5);
                cell.pseudoClassStateChanged(DIAGONAL, r == c);
                // the shade is the share itself, so it is painted here from the one accent constant
                cell.setBackground(new Background(new BackgroundFill(
                        Color.WHITE.interpolate(Palette.ACCENT, Math.min(1, share)), null, null)));
                cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "true %s, predicted %s: %d incidents (%.0f %% of the row)",
                        g.labels().get(r), g.labels().get(c), g.counts()[r][c], 100 * share)));
                grid.add(cell, c + 1, r + 1);
            }
        }
    }

    private VBox calibration() {
        NumberAxis x = ChartAxes.percent("Confidence in the first choice (%)");
        NumberAxis y = ChartAxes.percent("Share right (%)");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("train-calibration");
        PngSaver.install(chart, "reliability diagram");
        chart.setAnimated(false);
        XYChart.Series<Number, Number> model = new XYChart.Series<>();
        model.setName("Model (one point per confidence band)");
        XYChart.Series<Number, Number> perfect = new XYChart.Series<>();
        perfect.setName("Perfect calibration");
        perfect.getData().add(new XYChart.Data<>(0, 0));
        perfect.getData().add(new XYChart.Data<>(100, 100));
        chart.getData().add(model);
        chart.getData().add(perfect);
        Label counts = new Label();
        counts.setId("train-calibration-counts");
        counts.setWrapText(true);
        vm.calibration().addListener((ListChangeListener<CalibrationBin>) c -> {
            model.getData().clear();
            StringBuilder text = new StringBuilder("Test incidents per confidence band (a point resting on few is noise):");
            for (CalibrationBin b : vm.calibration()) {
                XYChart.Data<Number, Number> point = new XYChart.Data<>(100 * b.meanConfidence(), 100 * b.accuracy());
                model.getData().add(point);
                String band = String.format(Locale.ROOT, "%.0f–%.0f\u00a0%%", 100 * b.lower(), 100 * b.upper());
                text.append(String.format(Locale.ROOT, "  %s:\u00a0%,d", band, b.count()));
                if (point.getNode() != null) {
                    Tooltip.install(point.getNode(), new Tooltip(String.format(Locale.ROOT,
                            "%s sure: %,d incidents, %.1f %% sure on average, right %.1f %% of the time", band, b.count(),
                            100 * b.meanConfidence(), 100 * b.accuracy())));
                }
            }
            counts.setText(vm.calibration().isEmpty() ? "" : text.toString());
        });
        Label explain = new Label("Test incidents are grouped by how confident the model was in its first choice. Each "
                + "point shows that confidence (across) against how often the first choice was right (up). On the "
                + "diagonal, '30 % sure' means right 30 % of the time; below it, the model is over-confident.");
        explain.getStyleClass().add("note");
        explain.setWrapText(true);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(8, explain, chart, counts);
        box.setPadding(new Insets(8));
        return box;
    }

    private static <E extends Enum<E>> ComboBox<E> choice(String id, E[] values,
                                                          javafx.beans.property.ObjectProperty<E> property,
                                                          Function<E, String> name, String tip) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        Forms.names(box, name);
        box.valueProperty().bindBidirectional(property);
        Forms.tip(box, tip);
        return box;
    }
}
