package org.beatwise.ui.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Worker;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;
import org.beatwise.json.JsonMappers;

/**
 * The offline Leaflet map in a WebView. The page and Leaflet load from the application's own class
 * path; calls made before the page has loaded are queued and run once it has.
 */
public final class MapView extends StackPane {

    static final String PAGE = "/META-INF/resources/app/map.html";
    private static final ObjectMapper JSON = JsonMappers.output();

    private final WebView web = new WebView();
    private final WebEngine engine = web.getEngine();
    // Held here: the page keeps only a weak reference to the bridge.
    private final MapBridge bridge;
    private final List<String> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    public MapView(BiConsumer<Double, Double> onClick) {
        setId("map-view");
        bridge = new MapBridge(Objects.requireNonNull(onClick));
        web.setContextMenuEnabled(false);
        getChildren().add(web);
        engine.getLoadWorker().stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                ((JSObject) engine.executeScript("window")).setMember("bridge", bridge);
                loaded.set(true);
                pending.forEach(engine::executeScript);
                pending.clear();
            }
        });
        URL page = Objects.requireNonNull(MapView.class.getResource(PAGE), "map page missing from the application");
        engine.load(page.toExternalForm());
        widthProperty().addListener((o, a, b) -> run("beatwise.invalidate()"));
        heightProperty().addListener((o, a, b) -> run("beatwise.invalidate()"));
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Runs a script now if the page is ready, else when it is. */
    public void run(String script) {
        if (loaded.get()) {
            engine.executeScript(script);
        } else {
            pending.add(script);
        }
    }

    /** Evaluates a script on the loaded page (tests use this to look inside). */
    public Object evaluate(String script) {
        if (!loaded.get()) {
            throw new IllegalStateException("the map page has not loaded yet");
        }
        return engine.executeScript(script);
    }

    public void addAreas(String name, String geojson, String nameProperty) {
        run("beatwise.addAreas(" + json(name) + "," + geojson + "," + json(nameProperty) + ")");
    }

    public void setTiles(String urlTemplate) {
        run("beatwise.setTiles(" + json(urlTemplate) + ")");
    }

    public void setHotspots(List<MapCircle> circles) {
        run("beatwise.setHotspots(" + json(circles) + ")");
    }

    public void fitHotspots() {
        run("beatwise.fitHotspots()");
    }

    public void setGrid(List<MapCell> cells) {
        run("beatwise.setGrid(" + json(cells) + ")");
    }

    /** A cell method's cells (grid, Gi* coloured by confidence, KDE); their popups are plain text. */
    public void setCells(List<MapArea> cells) {
        run("beatwise.setCells(" + json(cells) + ")");
    }

    /** The density heat layer: each cell drawn with an opacity that grows with its weight. */
    public void setHeat(List<MapArea> cells) {
        run("beatwise.setHeat(" + json(cells) + ")");
    }

    /** Fits the map to whatever hotspot circles, cells and heat it shows. */
    public void fitShown() {
        run("beatwise.fitShown()");
    }

    /** Incident coordinates as {@code [[lat, lon], …]} for the density layer. */
    public void setIncidents(double[][] latLon) {
        run("beatwise.setIncidents(" + json(latLon) + ")");
    }

    public void addMarker(double lat, double lon, String popupHtml) {
        run("beatwise.addMarker(" + lat + "," + lon + "," + json(popupHtml) + ")");
    }

    public void clearMarkers() {
        run("beatwise.clearMarkers()");
    }

    public void fit(double south, double west, double north, double east) {
        run("beatwise.fit(" + south + "," + west + "," + north + "," + east + ")");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot pass data to the map: " + e.getMessage(), e);
        }
    }
}
