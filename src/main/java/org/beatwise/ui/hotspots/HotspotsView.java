package org.beatwise.ui.hotspots;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.beatwise.hotspot.DistrictHitRate;
import org.beatwise.hotspot.Evaluation;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Kernel;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.MethodScore;
import org.beatwise.hotspot.MethodSummary;
import org.beatwise.ui.map.MapView;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.PngSaver;
import org.beatwise.ui.common.ChartAxes;
import org.beatwise.ui.common.Tables;

/**
 * The Hotspots pane: settings on the left; on the right the method comparison with its PAI curves and
 * the chosen layer on the map, then the hotspots, the evaluation and the elbow.
 */
public final class HotspotsView extends SplitPane {

    private final HotspotsViewModel vm;
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final MapView map = new MapView((lat, lon) -> { });
    private FlowPane actions;
    private VBox actionBar;

    public HotspotsView(HotspotsViewModel vm) {
        this.vm = vm;
        setId("hotspots-pane");
        ScrollPane form = Forms.settingsColumn(form());
        // the main actions stay in sight below the settings, however many of them the method shows
        VBox left = new VBox(form, actionBar);
        VBox.setVgrow(form, Priority.ALWAYS);
        TabPane right = new TabPane(
                new Tab("Methods & map", methods()),
                new Tab("Hotspots", hotspotTable()),
                new Tab("Future-period evaluation", evaluation()),
                new Tab("Elbow", elbowChart()));
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getItems().addAll(left, right);
        setDividerPositions(0.3);
        vm.areaLayers().forEach(l -> map.addAreas(l.name(), l.geojson(), l.nameProperty()));
        PngSaver.install(map, "map");
        vm.resultProperty().addListener((o, a, r) -> {
            map.setHotspots(vm.mapCircles());
            map.setGrid(vm.mapCells());
            map.setHeat(vm.mapHeat());
            map.setCells(vm.mapHotCells());
            map.fitShown();
        });
    }

    /** Adds the "Briefing…" button beside Find hotspots; {@code open} shows the Briefing window. */
    public void addBriefingAction(Runnable open) {
        Button briefing = new Button("Briefing…");
        briefing.setId("hotspots-briefing");
        briefing.setOnAction(e -> open.run());
        Forms.keepWhole(briefing);
        actions.getChildren().add(briefing);
    }

    /** The map, for tests that look inside the page. */
    public MapView map() {
        return map;
    }

    private VBox form() {
        ComboBox<String> dataset = new ComboBox<>(vm.datasets());
        dataset.setId("hotspots-dataset");
        Forms.fitChoice(dataset);
        dataset.valueProperty().bindBidirectional(vm.datasetProperty());
        ComboBox<MethodChoice> method = new ComboBox<>();
        method.getItems().setAll(vm.methodChoices());
        method.setId("hotspots-method");
        method.valueProperty().bindBidirectional(vm.methodProperty());
        Forms.names(method, HotspotsViewModel::methodLabel);
        Forms.tip(method, "How the hotspots are drawn. Auto tries coverage circles and K-Means circles on the past and "
                + "keeps whichever would have caught more incidents for its area.");
        Label explanation = new Label();
        explanation.setId("hotspots-method-explanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().addAll("note", "hotspots-explanation");
        explanation.textProperty().bind(vm.methodExplanationProperty());
        TextField windows = Forms.field("hotspots-windows", vm.windowsProperty(), "How many past periods to test on, 1–60. "
                + "Each period is predicted from everything before it; more periods give a fairer average and its spread. "
                + "Needs Test from to be empty.");
        TextField windowDays = Forms.field("hotspots-window-days", vm.windowDaysProperty(), "Length of each test period in "
                + "days, 1–366 (used when Windows is more than 1): 28 or 30 days matches a monthly patrol plan.");
        TextField halfLife = Forms.field("hotspots-half-life", vm.halfLifeDaysProperty(), "KDE only: an incident this many "
                + "days old counts half as much as one from today, so recent activity weighs more. Empty = every incident "
                + "counts the same.");
        ComboBox<Kernel> kernel = new ComboBox<>();
        kernel.getItems().setAll(Kernel.values());
        kernel.setId("hotspots-kernel");
        kernel.valueProperty().bindBidirectional(vm.kernelProperty());
        Forms.names(kernel, kind -> kind == Kernel.GAUSSIAN ? "Gaussian" : "Quartic");
        Forms.tip(kernel, "KDE only: the shape each incident spreads over the map. Gaussian fades smoothly; quartic stops "
                + "at the bandwidth.");
        TextField bandwidths = Forms.field("hotspots-bandwidths", vm.bandwidthsProperty(), "KDE only: bandwidths in metres, "
                + "separated by commas. The backtest keeps the one that would have caught the most.");
        TextField giBand = Forms.field("hotspots-gi-band", vm.giBandProperty(), "Gi* only: which neighbouring cells count, "
                + "in cells, 1–10. 1.5 = a cell and its eight neighbours; 1 = the four that share an edge.");
        CheckBox compare = new CheckBox("Compare all methods");
        compare.setId("hotspots-compare");
        compare.selectedProperty().bindBidirectional(vm.compareProperty());
        Forms.tip(compare, "Also test KDE, Gi* and the grid on the same periods, so the table and the curves show every "
                + "method side by side. Takes longer.");
        TextField k = Forms.field(vm.kProperty(), "Number of hotspots, 2–50 (the paper uses 10).");
        TextField restarts = Forms.field(vm.restartsProperty(), "K-Means runs with seeds seed, seed+1, …; the lowest SSE wins.");
        TextField seed = Forms.field(vm.seedProperty(), "The same seed gives the same hotspots.");

        ToggleGroup radiusMode = new ToggleGroup();
        RadioButton share = new RadioButton("Share of incidents");
        RadioButton fixed = new RadioButton("Fixed metres");
        share.setToggleGroup(radiusMode);
        fixed.setToggleGroup(radiusMode);
        fixed.selectedProperty().bindBidirectional(vm.fixedRadiusProperty());
        share.setSelected(!vm.fixedRadiusProperty().get());
        TextField radiusShare = Forms.field(vm.radiusShareProperty(), "K-Means circles: the radius holding this share of "
                + "each hotspot's incidents. Coverage circles then use 250 m.");
        radiusShare.disableProperty().bind(vm.fixedRadiusProperty());
        TextField radiusMetres = Forms.field(vm.radiusMetresProperty(), "The patrol radius in metres: every circle (coverage "
                + "and K-Means) gets it, and every method is judged at the area of k such circles.");
        radiusMetres.disableProperty().bind(vm.fixedRadiusProperty().not());

        DatePicker from = new DatePicker();
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.valueProperty().bindBidirectional(vm.toProperty());
        TextField offences = Forms.field(vm.offencesProperty(), "Offence descriptions, groups or codes, comma-separated; empty = all.");
        FlowPane days = new FlowPane(6, 4);
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox box = new CheckBox(d.getDisplayName(TextStyle.SHORT, Locale.getDefault()));
            box.selectedProperty().bindBidirectional(vm.dayProperty(d));
            days.getChildren().add(box);
        }
        TextField hours = Forms.field(vm.hoursProperty(), "e.g. 18-2 for evenings past midnight; 0-23 = all day.");
        DatePicker testFrom = new DatePicker();
        testFrom.valueProperty().bindBidirectional(vm.testFromProperty());
        Forms.tip(testFrom, "First day of the test period; empty = the last 20 % of the time span.");
        TextField cell = Forms.field(vm.cellSizeProperty(), "Side of the grid baseline's square cells, in metres.");
        TextField kMax = Forms.field(vm.kMaxProperty(), "The elbow curve runs k = 2 … this.");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Dataset"), dataset);
        grid.addRow(row++, new Label("Method"), method);
        grid.add(explanation, 0, row++, 2, 1);
        grid.addRow(row++, new Label("k"), k);
        grid.addRow(row++, new Label("Restarts"), restarts);
        grid.addRow(row++, new Label("Seed"), seed);
        grid.addRow(row++, share, radiusShare);
        grid.addRow(row++, fixed, radiusMetres);
        grid.addRow(row++, new Label("From"), from);
        grid.addRow(row++, new Label("To"), to);
        grid.addRow(row++, new Label("Offences"), offences);
        grid.addRow(row++, new Label("Days (none = all)"), days);
        grid.addRow(row++, new Label("Hours"), hours);
        grid.addRow(row++, new Label("Test from"), testFrom);
        grid.addRow(row++, new Label("Windows"), windows);
        grid.addRow(row++, new Label("Window days"), windowDays);
        Label kernelLabel = new Label("KDE kernel");
        Label bandwidthsLabel = new Label("Bandwidths (m)");
        Label halfLifeLabel = new Label("Half-life (days)");
        Label giBandLabel = new Label("Gi* band (cells)");
        grid.addRow(row++, kernelLabel, kernel);
        grid.addRow(row++, bandwidthsLabel, bandwidths);
        grid.addRow(row++, halfLifeLabel, halfLife);
        grid.addRow(row++, giBandLabel, giBand);
        showWhen(vm.kdeInputsShownProperty(), kernelLabel, kernel, bandwidthsLabel, bandwidths, halfLifeLabel, halfLife);
        showWhen(vm.giInputsShownProperty(), giBandLabel, giBand);
        grid.addRow(row++, new Label("Grid cell (m)"), cell);
        grid.addRow(row++, new Label("Elbow up to k"), kMax);
        grid.add(compare, 0, row, 2, 1);
        Forms.keepLabelsWhole(grid);
        // Wraps under the method list (its width is in the style sheet) instead of widening the form.
        explanation.setMinWidth(Label.USE_COMPUTED_SIZE);

        Button run = new Button("Find hotspots");
        run.setId("hotspots-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        Button elbow = new Button("Elbow");
        elbow.setId("hotspots-elbow");
        elbow.disableProperty().bind(vm.canRunProperty().not());
        elbow.setOnAction(e -> vm.elbow());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        cancel.setCancelButton(true);
        Forms.keepWhole(run, elbow, cancel);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(vm.progressMessageProperty());
        progressText.visibleProperty().bind(vm.runningProperty());

        TextField name = new TextField();
        name.setPromptText("Name for the map and alerts");
        name.textProperty().bindBidirectional(vm.setNameProperty());
        Button save = new Button("Save set");
        save.setId("hotspots-save");
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Forms.keepWhole(save);

        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        actionBar = new VBox(6, actions = new FlowPane(8, 6, run, elbow, cancel), bar, progressText, new HBox(8, name, save), message);
        actionBar.setPadding(new Insets(8, 12, 12, 12));
        VBox box = new VBox(10, grid);
        box.setPadding(new Insets(12));
        return box;
    }

    /** The comparison table, the reason for the choice, the PAI curves beside the chosen layer on the map. */
    private VBox methods() {
        Label chosen = new Label();
        chosen.setId("hotspots-chosen");
        chosen.setWrapText(true);
        chosen.getStyleClass().add("hotspots-chosen");
        chosen.textProperty().bind(vm.chosenTextProperty());
        chosen.setMinHeight(Region.USE_PREF_SIZE); // wrap onto a second line rather than cut the reason short
        TableView<MethodRow> table = new TableView<>(vm.comparison());
        table.setId("hotspots-comparison");
        table.getStyleClass().add("hotspots-comparison");
        table.setPlaceholder(Tables.placeholder("Find hotspots to compare the methods on the past."));
        var mark = Tables.<MethodRow>text("✓", r -> r.chosen() ? "✓" : "", 40);
        Tables.headerTip(mark, "Chosen: the method the hotspots on the map come from; the reason is written above the table.");
        table.getColumns().add(mark);
        var name = Tables.wrapping(Tables.text("Method", MethodRow::label, 200), Tables.Breaks.BETWEEN_WORDS);
        table.getColumns().add(name);
        var hit = Tables.wrapping(Tables.text("Hit\nrate", MethodRow::hitRateText, 105), Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(hit, "Share of the test periods' incidents that fell inside the areas: the mean, ± its spread "
                + "over the windows.");
        table.getColumns().add(hit);
        var pai = Tables.text("PAI", MethodRow::paiText, 55);
        Tables.headerTip(pai, "Hit rate divided by the share of the study area covered: how many times better than "
                + "patrolling at random.");
        table.getColumns().add(pai);
        var pei = Tables.text("PEI", MethodRow::peiText, 55);
        Tables.headerTip(pei, "Incidents caught over the most the same area could have caught with hindsight (1 = perfect).");
        table.getColumns().add(pei);
        var area = Tables.text("Area\nkm²", MethodRow::areaText, 75);
        table.getColumns().add(area);
        var areas = Tables.text("Areas", MethodRow::areasText, 55);
        Tables.headerTip(areas, "Separate patrol areas: how many places a patrol would have to visit (touching cells or "
                + "circles count as one).");
        table.getColumns().add(areas);
        var windowsColumn = Tables.<MethodRow>text("Windows", r -> Integer.toString(r.windows()), 75);
        Tables.headerTip(windowsColumn, "How many past test periods the figures are averaged over.");
        table.getColumns().add(windowsColumn);
        // Eight columns do not fit beside the form at 1280 px in presentation mode: the patrol-area count and
        // the number of windows (the reason above says it too) start hidden, the menu button (+) shows them.
        areas.setVisible(false);
        windowsColumn.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Tables.showRows(table, 5); // every method compared: the comparison is what this tab is for
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MethodRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(CHOSEN, !empty && r != null && r.chosen());
                setTooltip(empty || r == null ? null : Forms.tooltip(r.label()));
            }
        });

        Label legend = new Label();
        legend.setWrapText(true);
        legend.getStyleClass().add("note");
        legend.textProperty().bind(vm.mapLegendProperty());
        legend.setMinHeight(Region.USE_PREF_SIZE);
        VBox mapBox = new VBox(4, map, legend);
        VBox.setVgrow(map, Priority.ALWAYS);
        Label curveNote = new Label();
        curveNote.setWrapText(true);
        curveNote.getStyleClass().add("note");
        curveNote.textProperty().bind(vm.curveNoteProperty());
        curveNote.setMinHeight(Region.USE_PREF_SIZE);
        LineChart<Number, Number> chart = paiChart();
        VBox chartBox = new VBox(4, chart, curveNote);
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane lower = new SplitPane(chartBox, mapBox);
        lower.setOrientation(Orientation.HORIZONTAL);
        lower.setDividerPositions(0.45);
        VBox.setVgrow(lower, Priority.ALWAYS);
        VBox box = new VBox(8, chosen, table, lower);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Hit rate (0–100 %) against area, one line per method. */
    private LineChart<Number, Number> paiChart() {
        NumberAxis x = new NumberAxis();
        x.setLabel("Area covered (km²)");
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.upperBoundProperty().bind(vm.curveAxisMaxProperty());
        x.tickUnitProperty().bind(vm.curveAxisMaxProperty().divide(5));
        NumberAxis y = ChartAxes.percent("Incidents caught (%)");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("hotspots-pai-chart");
        chart.getStyleClass().add("hotspots-pai-chart");
        chart.setTitle("PAI curves: hit rate against area");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        vm.curves().addListener((ListChangeListener<CurveSeries>) c -> {
            chart.getData().clear();
            for (CurveSeries s : vm.curves()) {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(s.name());
                for (int i = 0; i < s.areaKm2().size(); i++) {
                    series.getData().add(new XYChart.Data<>(s.areaKm2().get(i), s.hitRatePercent().get(i)));
                }
                chart.getData().add(series);
            }
        });
        PngSaver.install(chart, "PAI curve");
        return chart;
    }

    /** Shows the nodes (and gives them room in the form) only while the condition holds. */
    private static void showWhen(javafx.beans.value.ObservableBooleanValue shown, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
    }

    private TableView<HotCell> cellTable() {
        TableView<HotCell> table = new TableView<>(vm.cells());
        table.setId("hotspots-cells");
        table.getColumns().add(Tables.number("#", c -> c.rank()));
        table.getColumns().add(Tables.number("Incidents", c -> c.count()));
        table.getColumns().add(Tables.number("Score", c -> Math.round(100 * c.score()) / 100.0));
        table.getColumns().add(Tables.text("z", c -> c.z() == null ? "" : String.format(Locale.ROOT, "%.2f", c.z())));
        table.getColumns().add(Tables.text("p", c -> c.p() == null ? "" : String.format(Locale.ROOT, "%.4f", c.p())));
        table.getColumns().add(Tables.text("Hot\nspot", c -> c.confidence() == null ? "" : c.confidence() + " %"));
        var corner = Tables.wrapping(Tables.text("South-west\ncorner", (HotCell c) -> String.format(Locale.ROOT,
                "%.5f, %.5f", c.south(), c.west())), Tables.Breaks.BETWEEN_WORDS);
        table.getColumns().add(corner);
        // Seven columns need about 90 px more than the room beside the form at 1280 px in presentation mode:
        // the corner (the map shows the cell) starts hidden, as the circles' centre does; the menu button shows it.
        corner.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return table;
    }

    private VBox hotspotTable() {
        // Sorting a SortedList view leaves the view-model's list in rank order.
        SortedList<Hotspot> sorted = new SortedList<>(vm.hotspots());
        TableView<Hotspot> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("hotspots-table");
        table.setPlaceholder(Tables.placeholder("Find hotspots (or open a saved set) to list them here."));
        table.getColumns().add(Tables.number("#", h -> h.rank()));
        // what a patrol in the circle would meet first; a coverage circle's nearest incidents reach far past it
        var inside = Tables.<Hotspot>number("In\ncircle", h -> h.inside());
        Tables.headerTip(inside, "Incidents within the circle: the offences and times beside describe these.");
        table.getColumns().add(inside);
        var nearest = Tables.<Hotspot>number("Nearest", h -> h.count());
        Tables.headerTip(nearest, "Incidents nearer this centre than any other, anywhere in the area (for K-Means, "
                + "the cluster).");
        table.getColumns().add(nearest);
        var share = Tables.<Hotspot>number("%", h -> Math.round(1000 * h.share()) / 10.0);
        Tables.headerTip(share, "Share %: the nearest incidents' share of all the incidents, in per cent.");
        table.getColumns().add(share);
        var radius = Tables.<Hotspot>number("Radius m", h -> Math.round(h.radiusM()));
        table.getColumns().add(radius);
        var area = Tables.<Hotspot>number("Area km²", h -> Math.round(1000 * h.areaKm2()) / 1000.0);
        table.getColumns().add(area);
        var centre = Tables.wrapping(Tables.text("Centre", (Hotspot h) -> String.format(Locale.ROOT, "%.5f, %.5f", h.lat(),
                h.lon())), Tables.Breaks.BETWEEN_WORDS);
        table.getColumns().add(centre);
        table.getColumns().add(Tables.wrapping(Tables.text("Top\noffences", (Hotspot h) -> h.topOffences().stream()
                .map(o -> String.format(Locale.ROOT, "%s %.0f%%", o.offence(), 100 * o.share())).collect(Collectors.joining("; ")),
                240), Tables.Breaks.INSIDE_NAMES));
        // the busiest hours and days share a column: two would not fit beside the form in presentation mode
        var busiest = Tables.wrapping(Tables.text("Busiest\ntimes", (Hotspot h) -> HotspotsViewModel.hoursText(
                h.busiestHours(3)) + "; " + h.busiestDays(2).stream().map(d -> d.getDisplayName(TextStyle.SHORT,
                Locale.getDefault())).collect(Collectors.joining(", "))), Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(busiest, "Busiest hours of the day (up to three), then busiest days of the week (up to two).");
        table.getColumns().add(busiest);
        // Ten columns do not fit beside the form at 1280 px in presentation mode: the circle's radius, area
        // and centre (the map shows them) and the share start hidden; the table's menu button (+) shows them.
        radius.setVisible(false);
        area.setVisible(false);
        centre.setVisible(false);
        share.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        TableView<HotCell> cells = cellTable();
        // circles list as hotspots, cell methods (KDE, Gi*, grid) as cells with their z and p
        showWhen(vm.cellsShownProperty(), cells);
        showWhen(vm.cellsShownProperty().not(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(cells, Priority.ALWAYS);
        VBox box = new VBox(8, summary, table, cells);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox evaluation() {
        GridPane grid = new GridPane();
        grid.setId("hotspots-evaluation");
        grid.setHgap(16);
        grid.setVgap(6);
        Label explain = new Label();
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        vm.evaluationProperty().addListener((o, a, e) -> fill(grid, explain, e));
        Label caption = new Label();
        caption.setId("hotspots-districts-caption");
        caption.setWrapText(true);
        caption.getStyleClass().add("note");
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(vm.districtCaptionProperty());
        TableView<DistrictRow> districts = districtTable();
        VBox.setVgrow(districts, Priority.ALWAYS);
        VBox box = new VBox(10, explain, grid, caption, districts);
        box.setPadding(new Insets(12));
        return box;
    }

    /** The chosen layer's hit rate per district beside the grid at the same area. */
    private TableView<DistrictRow> districtTable() {
        TableView<DistrictRow> table = new TableView<>(vm.districts());
        table.setId("hotspots-districts");
        table.setPlaceholder(Tables.placeholder("Find hotspots with a backtest to see the hit rate per district."));
        table.getColumns().add(Tables.text("District", DistrictRow::district, 80));
        var incidents = Tables.text("Incidents", DistrictRow::incidents, 110);
        Tables.headerTip(incidents, "Test incidents: the district's incidents in the test periods (incidents without a "
                + "district: (none)).");
        table.getColumns().add(incidents);
        var share = Tables.text("Share", DistrictRow::share, 70);
        Tables.headerTip(share, "The district's share of all test incidents.");
        table.getColumns().add(share);
        var hit = Tables.wrapping(Tables.text("Hit\nrate", DistrictRow::hitRate, 130), Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(hit, "Hit rate (hits): share of the district's test incidents inside the chosen hotspots, "
                + "and how many that is.");
        table.getColumns().add(hit);
        var grid = Tables.wrapping(Tables.text("Grid", DistrictRow::gridHitRate, 125), Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(grid, "Grid, same area: share of the district's test incidents inside the grid baseline's cells of the same total "
                + "area: if it is much higher, the method serves this district less well than plain squares would.");
        table.getColumns().add(grid);
        var note = Tables.wrapping(Tables.text("Note", DistrictRow::note, 130), Tables.Breaks.BETWEEN_WORDS);
        Tables.headerTip(note, "Too few to judge: under " + DistrictHitRate.MIN_TEST_INCIDENTS + " test incidents. "
                + "Underserved: caught at less than half the layer's overall hit rate.");
        table.getColumns().add(note);
        // Six columns do not fit beside the form at 1280 px in presentation mode: the district's share of the
        // test incidents starts hidden, and the table's menu button (+) shows it again.
        share.setVisible(false);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return table;
    }

    private static void fill(GridPane grid, Label explain, Evaluation e) {
        grid.getChildren().clear();
        if (e == null) {
            explain.setText("No future-period evaluation for this run (see the summary on the Hotspots tab).");
            return;
        }
        explain.setText(String.format(Locale.ROOT, "Fitted on %,d incidents before %s and judged on the %,d that came after. "
                + "The grid takes as many of the busiest %.0f m cells of the training period as cover the chosen hotspots' area. "
                + "PAI divides the hit rate by the area's share of the study area (%.1f km², %s); "
                + "PEI compares with the best the test period's own busiest cells could do (%.0f %%).",
                e.trainCount(), e.testFrom().toLocalDate(), e.testCount(), e.cellSizeM(), e.studyAreaKm2(), e.studyArea(),
                100 * e.bestPossibleHitRate()));
        grid.addRow(0, new Label(""), new Label("Hit rate"), new Label("Area km²"), new Label("PAI"), new Label("PEI"));
        int row = 1;
        // the chosen layer first, when it is not the paper's K-Means: the grid below is judged at its area
        for (MethodSummary m : e.methods()) {
            if (m.method().equals(e.chosen()) && !"kmeans".equals(e.chosen())) {
                addScore(grid, row++, capitalised(HotspotsViewModel.name(m.method())) + " (chosen)", m.hitRate(), m.areaKm2(),
                        m.pai(), m.pei());
            }
        }
        addScore(grid, row++, "K-Means circles, paper's radius", e.kmeans());
        addScore(grid, row, String.format(Locale.ROOT, "Grid, %.0f m cells", e.cellSizeM()), e.grid());
    }

    private static void addScore(GridPane grid, int row, String name, MethodScore s) {
        addScore(grid, row, name, s.hitRate(), s.areaKm2(), s.pai(), s.pei());
    }

    private static void addScore(GridPane grid, int row, String name, double hitRate, double areaKm2, double pai, double pei) {
        grid.addRow(row, new Label(name), new Label(String.format(Locale.ROOT, "%.1f %%", 100 * hitRate)),
                new Label(String.format(Locale.ROOT, "%.2f", areaKm2)), new Label(String.format(Locale.ROOT, "%.1f", pai)),
                new Label(String.format(Locale.ROOT, "%.2f", pei)));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private LineChart<Number, Number> elbowChart() {
        NumberAxis x = ChartAxes.count("k (number of hotspots)");
        NumberAxis y = new NumberAxis();
        y.setLabel("SSE (km²)");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("hotspots-elbow-chart");
        chart.setAnimated(false);
        XYChart.Series<Number, Number> sse = new XYChart.Series<>();
        sse.setName("SSE");
        XYChart.Series<Number, Number> knee = new XYChart.Series<>();
        knee.setName("Knee");
        chart.getData().addAll(sse, knee);
        vm.elbowPoints().addListener((ListChangeListener<org.beatwise.hotspot.ElbowPoint>) c -> {
            sse.getData().clear();
            knee.getData().clear();
            ChartAxes.fitCounts(x, vm.elbowPoints().stream().map(p -> p.k()).toList());
            // SSE in km² (m² / 1e6) keeps the axis readable.
            vm.elbowPoints().forEach(p -> {
                sse.getData().add(new XYChart.Data<>(p.k(), p.sse() / 1e6));
                if (p.k() == vm.kneeProperty().get()) {
                    knee.getData().add(new XYChart.Data<>(p.k(), p.sse() / 1e6));
                }
            });
        });
        PngSaver.install(chart, "elbow chart");
        return chart;
    }
}
