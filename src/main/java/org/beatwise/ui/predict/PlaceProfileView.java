package org.beatwise.ui.predict;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.beatwise.ui.common.ChartAxes;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Tables;

/** The place panel under the prediction: lays out and binds {@link PlaceProfileViewModel}, nothing more. */
public final class PlaceProfileView extends VBox {

    public PlaceProfileView(PlaceProfileViewModel vm) {
        super(6);
        setId("place-profile");
        Label heading = new Label("This place");
        heading.getStyleClass().add("title");
        TextField radius = Forms.field("profile-radius", vm.radiusProperty(), "Radius of the place in metres");
        radius.setPrefColumnCount(5);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox top = new HBox(8, heading, new Label("radius (m)"), radius, busy);

        Label title = wrapped("profile-title", vm.titleProperty());
        Label error = wrapped("profile-error", vm.errorProperty());
        error.getStyleClass().add("error");

        TableView<PlaceProfileViewModel.OffenceRow> offences = new TableView<>(vm.offences());
        offences.setId("profile-offences");
        offences.getColumns().add(Tables.wrapping(Tables.text("Offence", PlaceProfileViewModel.OffenceRow::offence, 200),
                Tables.Breaks.BETWEEN_WORDS));
        offences.getColumns().add(Tables.number("Count", PlaceProfileViewModel.OffenceRow::count));
        offences.getColumns().add(Tables.text("Share", PlaceProfileViewModel.OffenceRow::share));
        var lift = Tables.text("Lift", PlaceProfileViewModel.OffenceRow::lift);
        Tables.headerTip(lift, "Share here ÷ share in the whole dataset over the same period: 2 = twice as common here.");
        offences.getColumns().add(lift);
        var note = Tables.wrapping(Tables.text("", PlaceProfileViewModel.OffenceRow::note), Tables.Breaks.BETWEEN_WORDS);
        // a remark, nothing to sort by: its header needs no room for a sort arrow
        note.setSortable(false);
        offences.getColumns().add(note);
        offences.setPrefHeight(200);
        offences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        BarChart<String, Number> hours = counts("profile-hours", "incidents by hour", "hour of day", vm.hours());
        BarChart<String, Number> days = counts("profile-days", "incidents by day", "day of week", vm.days());
        Label trend = wrapped("profile-trend", vm.trendProperty());
        Label sets = wrapped("profile-hotspot-sets", vm.hotspotSetsProperty());
        ListView<String> recent = new ListView<>(vm.recent());
        recent.setId("profile-recent");
        recent.setPrefHeight(120);

        Label why = new Label("Why this prediction");
        why.getStyleClass().add("title");
        Label statement = wrapped("profile-statement", vm.statementProperty());
        BarChart<String, Number> sweep = chart("profile-hour-sweep", "top class's probability by hour", "hour of day",
                ChartAxes.percent("probability (%)"), 100, vm.hourSweep());
        Label notes = wrapped("profile-notes", vm.notesProperty());
        notes.getStyleClass().add("note");

        getChildren().addAll(top, error, title, offences, hours, days, trend, sets, new Label("Most recent"), recent, why,
                statement, sweep, notes);
    }

    private static Label wrapped(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** Incidents per category, on a whole-number axis fitted to the counts shown. */
    private static BarChart<String, Number> counts(String id, String title, String categories,
            ObservableList<PlaceProfileViewModel.Bar> bars) {
        NumberAxis axis = ChartAxes.count("incidents (number)");
        bars.addListener((ListChangeListener<PlaceProfileViewModel.Bar>) c ->
                ChartAxes.fitCounts(axis, bars.stream().map(b -> (long) b.value()).toList()));
        return chart(id, title, categories, axis, 1, bars);
    }

    private static BarChart<String, Number> chart(String id, String title, String categories, NumberAxis values, double scale,
            ObservableList<PlaceProfileViewModel.Bar> bars) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(categories);
        BarChart<String, Number> chart = new BarChart<>(x, values);
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setBarGap(1);
        chart.setCategoryGap(2);
        chart.setPrefHeight(150);
        chart.setMinHeight(150);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Function<PlaceProfileViewModel.Bar, XYChart.Data<String, Number>> point = b -> new XYChart.Data<>(b.label(), b.value() * scale);
        bars.addListener((ListChangeListener<PlaceProfileViewModel.Bar>) c -> series.getData().setAll(bars.stream().map(point).toList()));
        return chart;
    }
}
