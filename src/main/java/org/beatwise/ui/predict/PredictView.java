package org.beatwise.ui.predict;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.beatwise.ui.common.PngSaver;
import org.beatwise.model.ClassProbability;
import org.beatwise.model.Prediction;
import org.beatwise.settings.MapSettings;
import org.beatwise.store.AlertRecord;
import org.beatwise.ui.common.ChartAxes;
import org.beatwise.ui.common.OpenPaneEvent;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.map.Html;
import org.beatwise.ui.map.MapView;
import org.controlsfx.control.Notifications;

/**
 * Predict & Map: the form and the probability chart beside the offline map. A click on the map sets
 * the place, predicts, adds a blue marker and runs the alert rules.
 */
public final class PredictView extends SplitPane {

    private final PredictViewModel vm;
    private final MapView map;
    private VBox left;
    private final XYChart.Series<Number, String> series = new XYChart.Series<>();

    /** @param mapSettings the station's tile source; none gives the offline outline-only map */
    public PredictView(PredictViewModel vm, MapSettings mapSettings) {
        this(vm, mapSettings, null);
    }

    /** @param place the place panel shown under the prediction, or null for none */
    public PredictView(PredictViewModel vm, MapSettings mapSettings, PlaceProfileViewModel place) {
        this.vm = vm;
        setId("predict-view");
        map = new MapView(this::mapClicked, mapSettings.urlTemplate());
        vm.useMapSettings(mapSettings);
        vm.areaLayers().forEach(l -> map.addAreas(l.name(), l.geojson(), l.nameProperty()));
        PngSaver.install(map, "map");
        vm.circlesProperty().addListener((o, a, c) -> {
            map.setHotspots(c);
            map.fitHotspots();
        });
        vm.cellsProperty().addListener((o, a, c) -> map.setGrid(c));
        vm.incidentsProperty().addListener((o, a, points) -> map.setIncidents(points));

        ComboBox<String> model = new ComboBox<>(vm.modelChoices());
        model.setId("predict-model");
        Forms.fitChoice(model);
        model.setPromptText("Model");
        model.valueProperty().bindBidirectional(vm.selectedModelProperty());
        ComboBox<String> hotspotSet = new ComboBox<>(vm.hotspotSetChoices());
        hotspotSet.setId("predict-hotspot-set");
        Forms.fitChoice(hotspotSet);
        hotspotSet.setPromptText("Hotspot set");
        hotspotSet.valueProperty().bindBidirectional(vm.selectedHotspotSetProperty());
        Button refresh = new Button("↻");
        refresh.setTooltip(new Tooltip("Look again for models and hotspot sets"));
        refresh.setOnAction(e -> vm.refreshChoices());
        GridPane chooser = new GridPane();
        chooser.setHgap(8);
        chooser.setVgap(6);
        chooser.addRow(0, new Label("Model"), model, refresh);
        chooser.addRow(1, new Label("Hotspots"), hotspotSet);
        Forms.keepLabelsWhole(chooser);
        // Models trained and hotspot sets saved in other panes appear when the user comes back.
        parentProperty().addListener((o, old, parent) -> {
            if (parent != null && old == null) {
                vm.onShown();
            }
        });
        vm.open();

        TextField hour = Forms.field("predict-hour", vm.hourProperty(), "Hour of day, 0–23");
        ComboBox<DayOfWeek> dow = new ComboBox<>();
        dow.setId("predict-dow");
        dow.getItems().setAll(DayOfWeek.values());
        dow.valueProperty().bindBidirectional(vm.dayOfWeekProperty());
        TextField month = Forms.field("predict-month", vm.monthProperty(), "Month, 1–12");
        DatePicker date = new DatePicker();
        date.setPromptText("or pick a date");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField lat = Forms.field("predict-lat", vm.latProperty(), "Latitude in degrees, or click the map");
        TextField lon = Forms.field("predict-lon", vm.lonProperty(), "Longitude in degrees, or click the map");
        Button check = new Button("Check this place");
        check.setId("predict-check");
        check.setDefaultButton(true);
        check.setOnAction(e -> vm.predict(true));
        vm.markerProperty().addListener((o, a, m) -> {
            if (m != null) {
                map.addMarker(m.lat(), m.lon(), popup(m.prediction()));
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Hour"), hour, new Label("Day"), dow);
        form.addRow(1, new Label("Month"), month, new Label("Date"), date);
        form.addRow(2, new Label("Latitude"), lat, new Label("Longitude"), lon);
        form.add(check, 3, 3);
        Forms.keepLabelsWhole(form);

        Label error = new Label();
        error.setId("predict-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.inputErrorProperty());
        Label summary = new Label();
        summary.setId("predict-summary");
        summary.getStyleClass().add("title");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label honesty = new Label();
        honesty.setId("predict-honesty");
        honesty.getStyleClass().add("note");
        honesty.setWrapText(true);
        honesty.textProperty().bind(vm.honestyProperty());
        Label nearest = new Label();
        nearest.setId("predict-nearest");
        nearest.setWrapText(true);
        nearest.textProperty().bind(vm.nearestProperty());

        NumberAxis x = ChartAxes.percent("Probability (%)");
        CategoryAxis y = new CategoryAxis();
        y.setLabel("Offence type");
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId("predict-chart");
        PngSaver.install(chart, "probability chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getData().add(series);
        chart.getStyleClass().add("predict-chart");
        VBox.setVgrow(chart, Priority.ALWAYS);
        vm.bars().addListener((ListChangeListener<ClassProbability>) c -> updateChart());

        Label mapWarning = new Label();
        mapWarning.setId("predict-map-warning");
        mapWarning.getStyleClass().add("note");
        mapWarning.setWrapText(true);
        mapWarning.textProperty().bind(vm.mapWarningProperty());
        mapWarning.visibleProperty().bind(vm.mapWarningProperty().isNotEmpty());
        mapWarning.managedProperty().bind(mapWarning.visibleProperty());

        VBox left = new VBox(10, mapWarning, chooser, form, error, summary, chart, honesty, nearest);
        if (place != null) {
            vm.setOnPlaceChecked(place::show);
            // the legend is set before the grid, so it is current when the grid changes
            place.gridProperty().addListener((o, a, cells) -> map.setNearby(place.gridLegendProperty().get(), cells));
            left.getChildren().add(new PlaceProfileView(place));
        }
        this.left = left;
        left.setPadding(new Insets(12));
        left.setAlignment(Pos.TOP_LEFT);
        ScrollPane scroll = Forms.settingsColumn(left);
        scroll.getStyleClass().add("predict-form");
        getItems().addAll(scroll, map);
        setDividerPositions(0.42);

        vm.setOnAlerts(this::showAlerts);
    }

    /** Adds a "Briefing…" button at the end of the form; {@code open} shows the Briefing window. */
    public void addBriefingAction(Runnable open) {
        Button briefing = new Button("Briefing…");
        briefing.setId("predict-briefing");
        briefing.setOnAction(e -> open.run());
        left.getChildren().add(briefing);
    }

    public MapView map() {
        return map;
    }

    private void updateChart() {
        // Highest probability on top: a category axis lists from the bottom up.
        List<XYChart.Data<Number, String>> data = vm.bars().stream()
                .map(b -> new XYChart.Data<Number, String>(100 * b.probability(), b.label()))
                .collect(Collectors.toList());
        java.util.Collections.reverse(data);
        series.getData().setAll(data);
    }

    private void mapClicked(double latitude, double longitude) {
        vm.pick(latitude, longitude); // the marker comes through markerProperty, within this call
    }

    /** The prediction on screen, or null. */
    public Prediction lastPrediction() {
        return vm.predictionProperty().get();
    }

    private static String popup(Prediction p) {
        StringBuilder sb = new StringBuilder("<b>").append(Html.escape(p.predicted())).append("</b> ")
                .append(String.format(Locale.ROOT, "%.1f %%", 100 * p.confidence()));
        p.ranked().stream().skip(1).limit(2).forEach(c -> sb.append("<br>").append(Html.escape(c.label()))
                .append(String.format(Locale.ROOT, " %.1f %%", 100 * c.probability())));
        return sb.toString();
    }

    private void showAlerts(List<AlertRecord> raised) {
        String text = raised.stream().map(a -> AlertDialog.rule(a.rule()) + ": " + a.detail()).collect(Collectors.joining("\n\n"));
        Dialog<ButtonType> dialog = AlertDialog.of(raised, getScene() == null ? null : getScene().getWindow(),
                getScene() == null ? List.of() : getScene().getStylesheets());
        AlertRecord first = raised.get(0);
        dialog.setOnHidden(e -> {
            ButtonType chosen = dialog.getResult();
            if (chosen == AlertDialog.SHOW_ON_MAP) {
                // about 300 m around the place
                map.fit(first.lat() - 0.003, first.lon() - 0.004, first.lat() + 0.003, first.lon() + 0.004);
            } else if (chosen == AlertDialog.OPEN_LOG) {
                fireEvent(new OpenPaneEvent("alerts"));
            }
        });
        dialog.show();
        if (getScene() != null) {
            Notifications.create().title("Beatwise alert").text(text).owner(getScene().getWindow())
                    .hideAfter(Duration.seconds(8)).showWarning();
        }
    }

}
