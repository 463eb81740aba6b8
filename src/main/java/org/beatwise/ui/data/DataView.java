package org.beatwise.ui.data;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.beatwise.importing.CleaningReport;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.Field;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Tables;

/** The Data pane: import on the left (files, preview, mapping, progress, report), datasets on the right. */
public final class DataView extends VBox {

    private final DataViewModel vm;

    public DataView(DataViewModel vm, Consumer<String> openPane) {
        this.vm = vm;
        setId("data-pane");
        setSpacing(8);
        setPadding(new Insets(8));
        ScrollPane left = Forms.settingsColumn(importSide());
        SplitPane split = new SplitPane(left, datasetSide());
        split.setDividerPositions(0.52);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(demoBanner(), guide(openPane), split);
    }

    /** After the demo loads: the three panes a workshop walks through, in order, one click each. */
    private VBox guide(Consumer<String> openPane) {
        VBox guide = new VBox(6, new Label("Getting started with the demo:"),
                step(openPane, "train", "1. Train & Evaluate: what the model really scores on incidents it never saw, "
                        + "beside guessing from the class frequencies."),
                step(openPane, "hotspots", "2. Hotspots: ten K-Means hotspots judged on a later period, beside a grid of "
                        + "the same area."),
                step(openPane, "predict", "3. Predict & Map: click the map to check a place; alerts fire near hotspots."));
        guide.setId("demo-guide");
        guide.setPadding(new Insets(8));
        guide.getStyleClass().add("guide");
        guide.visibleProperty().bind(vm.showGuideProperty());
        guide.managedProperty().bind(vm.showGuideProperty());
        return guide;
    }

    private static HBox step(Consumer<String> openPane, String paneId, String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        Button open = new Button("Open");
        open.setId("guide-" + paneId);
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> openPane.accept(paneId));
        HBox row = new HBox(10, open, label);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox demoBanner() {
        Label text = new Label("No data on this station yet. Load the demo to see every pane working: "
                + "50,000 SYNTHETIC incidents around Boston (generated, not real reports), with a model and a hotspot "
                + "set built from them on this station. Takes about half a minute.");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button load = new Button("Load demo dataset");
        load.setMinWidth(Region.USE_PREF_SIZE);
        load.setId("load-demo");
        load.setOnAction(e -> vm.loadDemo());
        load.disableProperty().bind(vm.runningProperty());
        HBox banner = new HBox(12, text, load);
        banner.setId("demo-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8));
        banner.getStyleClass().add("banner");
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.visibleProperty().bind(vm.offerDemoProperty());
        banner.managedProperty().bind(vm.offerDemoProperty());
        return banner;
    }

    private VBox importSide() {
        Label drop = new Label("Drop CSV files here, or");
        Button choose = new Button("Choose files…");
        choose.setId("choose-files");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Incident exports");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            List<File> chosen = fc.showOpenMultipleDialog(getScene().getWindow());
            if (chosen != null) {
                vm.addFiles(chosen.stream().map(File::toPath).toList());
            }
        });
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clearFiles());
        HBox pick = new HBox(8, drop, choose, clear);
        pick.setAlignment(Pos.CENTER_LEFT);
        ListView<java.nio.file.Path> files = new ListView<>(vm.files());
        files.setId("files");
        files.setPrefHeight(80);

        TextField dataset = new TextField();
        dataset.setId("dataset-name");
        dataset.textProperty().bindBidirectional(vm.datasetNameProperty());
        Forms.tip(dataset, "The name the other panes list this data under, e.g. mattapan-2018.");
        TextField encoding = new TextField();
        encoding.setPromptText("detected");
        encoding.textProperty().bindBidirectional(vm.encodingProperty());
        Forms.tip(encoding, "The file's character set, such as UTF-8 or windows-1252. Leave empty: Beatwise detects it; "
                + "set it only if names show odd characters in the preview.");
        TextField bbox = new TextField();
        bbox.setPromptText("south,west,north,east (optional)");
        bbox.textProperty().bindBidirectional(vm.bboxProperty());
        Forms.tip(bbox, "Only incidents inside this box are kept (south,west,north,east in degrees), e.g. to leave "
                + "out mistyped coordinates far from your area. Empty keeps every place.");
        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(6);
        options.addRow(0, new Label("Dataset"), dataset);
        options.addRow(1, new Label("Encoding"), encoding);
        options.addRow(2, new Label("Study area"), bbox);
        Forms.keepLabelsWhole(options);

        Label info = new Label();
        info.setWrapText(true);
        info.textProperty().bind(vm.previewInfoProperty());

        Button importButton = new Button("Import");
        importButton.setId("import");
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(vm.canImportProperty().not());
        importButton.setOnAction(e -> vm.importFiles());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setCancelButton(true);
        Forms.keepWhole(importButton, cancel);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.getStyleClass().add("import-progress");
        Label progress = new Label();
        progress.setId("progress-message");
        progress.textProperty().bind(vm.progressMessageProperty());
        HBox run = new HBox(8, importButton, cancel, bar, progress);
        run.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("data-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Label summary = new Label();
        summary.setId("report-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.reportSummaryProperty());

        VBox box = new VBox(8, pick, files, options, info, mappingStep(), previewTable(), run, message,
                new Label("Cleaning report"), summary, reasonsTable());
        box.setPadding(new Insets(4));
        box.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        box.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        return box;
    }

    /** Shown only when the file's columns are not recognised: each field picks a header, guessed first. */
    private TitledPane mappingStep() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0;
        for (Field f : Field.values()) {
            ComboBox<String> header = new ComboBox<>();
            header.setId("map-" + f.key());
            Runnable fill = () -> {
                List<String> choices = new ArrayList<>();
                choices.add(DataViewModel.NONE);
                choices.addAll(vm.headers());
                header.getItems().setAll(choices);
            };
            fill.run();
            vm.headers().addListener((ListChangeListener<String>) c -> fill.run());
            header.valueProperty().bindBidirectional(vm.columnProperty(f));
            grid.addRow(row++, new Label(f.key()), header);
        }
        TextField pattern = new TextField();
        pattern.setPromptText("e.g. dd/MM/yyyy HH:mm (empty: known formats)");
        pattern.textProperty().bindBidirectional(vm.datePatternProperty());
        grid.addRow(row++, new Label("Date pattern"), pattern);
        ComboBox<String> saved = new ComboBox<>(vm.savedMappings());
        saved.setPromptText("saved mappings");
        saved.setOnAction(e -> {
            if (saved.getValue() != null) {
                vm.useSavedMapping(saved.getValue());
            }
        });
        grid.addRow(row++, new Label("Use saved"), saved);
        TextField saveAs = new TextField();
        saveAs.setPromptText("name (optional)");
        saveAs.textProperty().bindBidirectional(vm.saveMappingAsProperty());
        grid.addRow(row, new Label("Save mapping as"), saveAs);
        TitledPane pane = new TitledPane("Column mapping", grid);
        pane.setId("mapping-step");
        pane.visibleProperty().bind(vm.mappingNeededProperty());
        pane.managedProperty().bind(vm.mappingNeededProperty());
        return pane;
    }

    /** The first rows of the file under its headers. */
    private TableView<List<String>> previewTable() {
        TableView<List<String>> table = new TableView<>(vm.previewRows());
        table.setId("preview");
        table.setPlaceholder(Tables.placeholder("Choose files to see their first rows here."));
        Tables.keepWhole(table);
        table.setPrefHeight(180);
        Runnable columns = () -> {
            table.getColumns().clear();
            for (int i = 0; i < vm.headers().size(); i++) {
                int index = i;
                TableColumn<List<String>, String> c = new TableColumn<>(vm.headers().get(i));
                c.setCellValueFactory(d -> new ReadOnlyStringWrapper(index < d.getValue().size() ? d.getValue().get(index) : ""));
                c.setSortable(false);
                table.getColumns().add(c);
            }
        };
        vm.headers().addListener((ListChangeListener<String>) c -> columns.run());
        return table;
    }

    private TableView<CleaningReport.Reason> reasonsTable() {
        TableView<CleaningReport.Reason> table = new TableView<>(vm.reasons());
        table.setId("reasons");
        table.setPrefHeight(200);
        Tables.showRows(table, 3); // its rows wrap: in presentation mode 200 px held none whole
        table.setPlaceholder(Tables.placeholder("Nothing dropped."));
        table.getColumns().add(Tables.wrapping(Tables.text("Dropped\nbecause", CleaningReport.Reason::reason, 200),
                Tables.Breaks.BETWEEN_WORDS));
        table.getColumns().add(Tables.text("Rows", r -> String.format("%,d", r.count()), 80));
        table.getColumns().add(Tables.text("Share", r -> String.format(Locale.ROOT, "%.2f %%", 100 * r.share()), 70));
        var examples = Tables.wrapping(Tables.text("Examples", CleaningReport.Reason::examplesText, 400),
                Tables.Breaks.INSIDE_NAMES);
        Tables.headerTip(examples, "A few of the dropped rows: line, column: value.");
        table.getColumns().add(examples);
        // the examples wrap onto more lines rather than run past the table's edge
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private VBox datasetSide() {
        TableView<DatasetInfo> table = new TableView<>(vm.datasets());
        table.setId("datasets");
        table.setPlaceholder(Tables.placeholder("No datasets yet: load the demo or import a CSV file."));
        // generated data stays marked as such beside its name while the Data column is hidden
        table.getColumns().add(Tables.wrapping(Tables.text("Dataset", (DatasetInfo d) -> d.synthetic() ? d.name()
                + " (synthetic)" : d.name(), 160), Tables.Breaks.INSIDE_NAMES));
        var kind = Tables.text("Data", (DatasetInfo d) -> d.synthetic() ? "synthetic" : "imported", 75);
        table.getColumns().add(kind);
        table.getColumns().add(Tables.text("Incidents", d -> String.format("%,d", d.rows()), 90));
        // one column for both dates, the second under the first when the side is narrow
        table.getColumns().add(Tables.wrapping(Tables.text("Period", (DatasetInfo d) -> d.firstOccurred() == null
                || d.lastOccurred() == null ? "" : d.firstOccurred().toLocalDate() + " – " + d.lastOccurred().toLocalDate(),
                180), Tables.Breaks.BETWEEN_WORDS));
        var files = Tables.text("Files", (DatasetInfo d) -> Integer.toString(d.files().size()), 50);
        table.getColumns().add(files);
        table.getColumns().add(Tables.text("Kept", d -> d.report() == null ? "" : String.format(Locale.ROOT, "%.1f %%",
                100 * d.report().keptShare()), 60));
        // Seven columns do not fit beside the import form at 1280 px (nor in presentation mode's font): the
        // two a reader needs least start hidden, and the table's menu button (+) shows them again.
        kind.setVisible(false);
        files.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button delete = new Button("Delete dataset…");
        delete.setId("delete-dataset");
        delete.disableProperty().bind(vm.selectedProperty().isNull().or(vm.runningProperty()));
        delete.setOnAction(e -> {
            DatasetInfo d = vm.selectedProperty().get();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, String.format(
                    "Delete dataset '%s' and its %,d incidents? Models and hotspot sets made from it stay, "
                            + "but it cannot be used again.", d.name(), d.rows()), ButtonType.OK, ButtonType.CANCEL);
            confirm.setHeaderText("Delete dataset");
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deleteSelected());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Datasets");
        title.getStyleClass().add("title");
        HBox bar = new HBox(8, title, spacer, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Select a dataset to see its cleaning report on the left.");
        hint.setWrapText(true);
        VBox box = new VBox(8, bar, table, hint);
        box.setPadding(new Insets(4));
        return box;
    }
}
