package org.beatwise.ui.predict;

import static org.beatwise.testing.Actors.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.geo.LatLon;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.settings.AlertSettings;
import org.beatwise.testing.SmallModels;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.FxTaskRunner;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Predict & Map on a real WebView, a real forest and real alert rules, headless. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PredictViewTest {

    @TempDir
    static Path home;
    private Services services;
    private PredictView view;

    @Start
    void start(Stage stage) {
        services = TestHomes.fast(home.resolve("h" + System.nanoTime()), Clock.systemUTC());
        PredictSources sources = new PredictSources(() -> List.of(SmallModels.MODEL.name()),
                name -> ModelChoice.of(SmallModels.MODEL), () -> List.of("demo-set"), name -> SmallModels.HOTSPOTS,
                name -> PredictSources.points(SmallModels.ROWS), () -> PredictSources.areaLayers(services.areas()));
        view = new PredictView(new PredictViewModel(new Session("alice", Role.ANALYST, java.time.Instant.EPOCH),
                services.alerts(), sources, new FxTaskRunner()), org.beatwise.settings.MapSettings.defaults());
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Object eval(String script) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.map().loadedProperty().get());
        return WaitForAsyncUtils.asyncFx(() -> view.map().evaluate(script)).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the map has zoomed to the hotspots (it fits them once the page has its size). */
    private void waitForFit() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((Number) eval("beatwise.zoom()")).intValue() >= 10);
        // the model loads in the background; its honest figures appear once it has
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !((javafx.scene.control.Label) view.lookup("#predict-honesty")).getText().isEmpty());
    }

    /** A visible place at least 800 m from every hotspot's edge. */
    private double[] farFromHotspots() throws Exception {
        waitForFit();
        String[] size = ((String) eval("beatwise.size()")).split(",");
        int w = Integer.parseInt(size[0]);
        int hgt = Integer.parseInt(size[1]);
        for (int y = hgt / 5; y < hgt * 4 / 5; y += 20) {
            for (int x = w / 5; x < w * 4 / 5; x += 20) {
                String[] ll = ((String) eval("beatwise.latLngOf(" + x + "," + y + ")")).split(",");
                double lat = Double.parseDouble(ll[0]);
                double lon = Double.parseDouble(ll[1]);
                boolean far = SmallModels.HOTSPOTS.hotspots().stream()
                        .allMatch(h -> LatLon.haversineMetres(lat, lon, h.lat(), h.lon()) - h.radiusM() > 800);
                if (far) {
                    return new double[] {lat, lon};
                }
            }
        }
        throw new AssertionError("no visible place far from the hotspots");
    }

    /** Screen position of a coordinate on the map. */
    private Point2D screenPoint(double lat, double lon) throws Exception {
        waitForFit();
        String[] xy = ((String) eval("beatwise.pointOf(" + lat + "," + lon + ")")).split(",");
        Node map = view.map();
        Bounds b = map.localToScreen(map.getBoundsInLocal());
        return new Point2D(b.getMinX() + Double.parseDouble(xy[0]), b.getMinY() + Double.parseDouble(xy[1]));
    }

    @Test
    void drawsTheHotspotSetAndTheDistrictsAndPredictsWhereTheUserClicks(FxRobot robot) throws Exception {
        assertEquals(3, ((Number) eval("beatwise.count('hotspots')")).intValue());
        assertTrue(((Number) eval("beatwise.count('areas')")).intValue() >= 1, "district base layer");
        assertEquals(SmallModels.ROWS.size(), ((Number) eval("beatwise.count('incidents')")).intValue(), "density layer");
        // a place away from every hotspot
        double[] far = farFromHotspots();
        robot.clickOn(screenPoint(far[0], far[1]));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#predict-lat").queryAs(TextInputControl.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        double lat = Double.parseDouble(robot.lookup("#predict-lat").queryAs(TextInputControl.class).getText());
        assertEquals(far[0], lat, 0.001);
        assertEquals(1, ((Number) eval("beatwise.count('markers')")).intValue());

        @SuppressWarnings("unchecked")
        BarChart<Number, String> chart = robot.lookup("#predict-chart").queryAs(BarChart.class);
        List<XYChart.Data<Number, String>> bars = chart.getData().get(0).getData();
        assertEquals(11, bars.size());
        // drawn bottom-up: the most probable class is the last bar, and values rise towards it (before "other")
        String predicted = view.lastPrediction().predicted();
        assertEquals(predicted, bars.get(bars.size() - 1).getYValue());
        for (int i = 2; i < bars.size(); i++) {
            assertTrue(bars.get(i - 1).getXValue().doubleValue() <= bars.get(i).getXValue().doubleValue());
        }
        assertTrue(robot.lookup("#alert-dialog").tryQuery().isEmpty(), "no alert below the threshold, away from hotspots");
    }

    @Test
    void thresholdSettingDecidesTheHighConfidenceAlert(FxRobot robot) throws Exception {
        double[] far = farFromHotspots();
        robot.clickOn(screenPoint(far[0], far[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#alert-dialog").tryQuery().isEmpty());
        assertTrue(view.lastPrediction().confidence() < 0.7);
        // The top class of n classes always has at least 1/n: with that threshold every prediction alerts.
        double floor = 1.0 / view.lastPrediction().ranked().size();
        services.stationSettings().updateAlerts(admin("alice"), AlertSettings.defaults().withConfidenceThreshold(floor));
        robot.clickOn(screenPoint(far[0] - 0.002, far[1] + 0.003)); // beside, not on, the first marker
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#alert-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#alert-dialog").queryAs(DialogPane.class);
        assertTrue(dialogText(dialog).startsWith("High-confidence prediction\nWhy\n'"), dialogText(dialog));
    }

    /** The dialog's words in reading order: the rule, then each fact's name and value. */
    private static String dialogText(DialogPane dialog) {
        return dialog.getContent().lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void aPlaceInsideAHotspotRaisesTheProximityAlert(FxRobot robot) throws Exception {
        Hotspot h = SmallModels.HOTSPOTS.hotspots().get(0);
        robot.clickOn(screenPoint(h.lat(), h.lon()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#alert-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#alert-dialog").queryAs(DialogPane.class);
        String text = dialogText(dialog);
        assertTrue(text.contains("Near a hotspot\nWhy\nThe checked place is inside hotspot"), text);
        assertTrue(text.contains("Hotspot set\ndemo-set"), text);
        assertTrue(((Stage) dialog.getScene().getWindow()).getTitle().contains("Near a hotspot"), "the title names the rule");
        List<String> offered = new java.util.ArrayList<>();
        view.addEventHandler(org.beatwise.ui.common.OpenPaneEvent.OPEN_PANE, e -> offered.add(e.paneId()));
        robot.clickOn("Open alert log");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("alerts"), offered, "the dialog's button asks the window for the alert log");
        assertTrue(robot.lookup("#alert-dialog").tryQuery().isEmpty(), "and closes");
    }
}
