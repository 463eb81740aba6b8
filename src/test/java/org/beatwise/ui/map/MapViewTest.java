package org.beatwise.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.beatwise.testing.NetworkGuard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real map page in a real WebView, headless. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapViewTest {

    private static NetworkGuard guard;
    private MapView map;
    private Stage stage;
    private final AtomicReference<double[]> clicked = new AtomicReference<>();

    @BeforeAll
    static void guardTheNetwork() {
        guard = NetworkGuard.install();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        map = new MapView((lat, lon) -> {
            clicked.set(new double[] {lat, lon});
            map.addMarker(lat, lon, "checked " + Html.escape("<b>place</b>"));
        });
        stage.setScene(new Scene(map, 800, 600));
        stage.show();
    }

    private Object eval(FxRobot robot, String script) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> map.loadedProperty().get());
        return WaitForAsyncUtils.asyncFx(() -> map.evaluate(script)).get(10, TimeUnit.SECONDS);
    }

    private static List<MapCircle> tenCircles() {
        List<MapCircle> circles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            circles.add(new MapCircle(42.28 + i * 0.004, -71.09 + (i % 3) * 0.01, 150 + i * 10, "hotspot " + (i + 1)));
        }
        return circles;
    }

    @Test
    void leafletLoadsFromTheClassPathAndDrawsTenCircles(FxRobot robot) throws Exception {
        assertEquals("1.9.4", eval(robot, "L.version"));
        robot.interact(() -> {
            map.setHotspots(tenCircles());
            map.fitHotspots();
        });
        assertEquals(10, ((Number) eval(robot, "beatwise.count('hotspots')")).intValue());
        assertEquals(10, ((Number) eval(robot, "document.querySelectorAll('path.leaflet-interactive').length")).intValue());
        // a new set replaces the old one
        robot.interact(() -> map.setHotspots(tenCircles().subList(0, 3)));
        assertEquals(3, ((Number) eval(robot, "beatwise.count('hotspots')")).intValue());
    }

    @Test
    void clickingTheMapReportsTheCoordinatesAndAddsOneBlueMarker(FxRobot robot) throws Exception {
        eval(robot, "beatwise.fit(42.28, -71.10, 42.32, -71.06)");
        robot.clickOn(map);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> clicked.get() != null);
        double[] at = clicked.get();
        assertTrue(at[0] > 42.28 && at[0] < 42.32 && at[1] > -71.10 && at[1] < -71.06, at[0] + "," + at[1]);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, ((Number) eval(robot, "beatwise.count('markers')")).intValue());
        assertEquals(1, ((Number) eval(robot, "document.querySelectorAll('img.leaflet-marker-icon').length")).intValue());
        String popup = (String) eval(robot, "document.querySelector('.bw-popup').innerHTML");
        assertTrue(popup.contains("&lt;b&gt;place&lt;/b&gt;"), popup);
    }

    @Test
    void theGridAroundAPlaceHasItsOwnLayerLegendAndTooltipsAndClearsWhenEmptied(FxRobot robot) throws Exception {
        List<MapArea> grid = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            double s = 42.29 + (i / 3) * 0.001;
            double w = -71.09 + (i % 3) * 0.0014;
            grid.add(new MapArea(s, w, s + 0.001, w + 0.0014, "nearby", i / 8.0,
                    List.of(String.format(java.util.Locale.ROOT, "VERBAL DISPUTE: %.1f %%", 10 + i * 0.5), "<b>+0 m</b>")));
        }
        String legend = "Top class nearby: VERBAL DISPUTE, 10.0 % (light) to 14.0 % (dark)";
        robot.interact(() -> {
            map.fit(42.288, -71.092, 42.294, -71.084);
            map.setNearby(legend, grid);
        });
        assertEquals(9, ((Number) eval(robot, "beatwise.count('nearby')")).intValue());
        assertEquals(0, ((Number) eval(robot, "beatwise.count('heat')")).intValue(), "not drawn as the KDE density");
        String layers = (String) eval(robot, "beatwise.layerNames()");
        assertTrue(layers.lines().anyMatch("Top class nearby"::equals), layers);
        assertEquals(legend, eval(robot, "beatwise.nearbyLegend()"));
        // the tooltip names the class and its probability, as text (never parsed as HTML)
        String tips = (String) eval(robot, "beatwise.nearbyTips()");
        assertTrue(tips.lines().anyMatch(l -> l.startsWith("VERBAL DISPUTE: 14.0 %")), tips);
        assertTrue(tips.contains("<b>+0 m</b>"), "shown as text, not parsed as HTML: " + tips);
        robot.interact(() -> map.setNearby(legend, List.of()));
        assertEquals(0, ((Number) eval(robot, "beatwise.count('nearby')")).intValue());
        assertEquals("", eval(robot, "beatwise.nearbyLegend()"), "the legend goes with the grid");
    }

    @Test
    void thePageRequestsNothingThatIsNotLocal(FxRobot robot) throws Exception {
        robot.interact(() -> {
            map.setHotspots(tenCircles());
            map.addMarker(42.3, -71.08, "x");
        });
        String urls = (String) eval(robot, "beatwise.requestedUrls()");
        for (String url : urls.split("\n")) {
            assertTrue(url.startsWith("file:") || url.startsWith("jar:") || url.startsWith("data:"), "non-local request: " + url);
        }
        assertTrue(urls.contains("leaflet.js"), urls);
        assertEquals(List.of(), guard.attempts(), "network attempts");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: its page keeps asking for tiles after the test ends
    void theGuardWouldCatchARemoteRequest(FxRobot robot) throws Exception {
        // Proves the no-network check can fail: a page that asks for a remote tile is caught.
        // The page's policy lets images come only from the tile source the station configured.
        NetworkGuard g = NetworkGuard.install();
        robot.interact(() -> {
            map = new MapView((lat, lon) -> { }, "http://tiles.example.invalid/{z}/{x}/{y}.png");
            stage.setScene(new Scene(map, 800, 600));
        });
        eval(robot, "beatwise.count('markers')"); // waits for the page
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !g.attempts().isEmpty());
        assertTrue(g.attempts().get(0).toString().startsWith("http://tiles.example.invalid/"), g.attempts().toString());
    }
}
