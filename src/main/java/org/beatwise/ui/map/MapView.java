package org.beatwise.ui.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;
import org.beatwise.json.JsonMappers;
import org.beatwise.ui.common.Theme;

/**
 * The offline Leaflet map in a WebView. The page and Leaflet load from the application's own class
 * path; calls made before the page has loaded are queued and run once it has. The bridge back to Java
 * (and anything we send) goes only to our own page: if the page ever navigates elsewhere, the bridge
 * is removed and calls wait until our page is back.
 */
public final class MapView extends StackPane {

    private static final Logger LOG = Logger.getLogger(MapView.class.getName());
    static final String PAGE = "/META-INF/resources/app/map.html";
    private static final ObjectMapper JSON = JsonMappers.output();

    private final WebView web = new WebView();
    private final WebEngine engine = web.getEngine();
    // Held here: the page keeps only a weak reference to the bridge.
    private final MapBridge bridge;
    private final String pageUrl;
    private final List<String> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    // The window's night mode is in its stylesheets; the page follows it with its own dark palette.
    private final ListChangeListener<String> lookChanged = c -> followNight();
    private boolean night;

    /** A map without tiles: vector layers only, as an air-gapped station draws it. */
    public MapView(BiConsumer<Double, Double> onClick) {
        this(onClick, "");
    }

    /**
     * @param tiles the station's tile URL template ({@code MapSettings.urlTemplate()}), empty for none;
     *              the page's policy lets images come from that source and no other
     */
    public MapView(BiConsumer<Double, Double> onClick, String tiles) {
        setId("map-view");
        bridge = new MapBridge(Objects.requireNonNull(onClick));
        URL page = Objects.requireNonNull(MapView.class.getResource(PAGE), "map page missing from the application");
        pageUrl = page.toExternalForm() + tileFragment(tiles);
        web.setContextMenuEnabled(false);
        // No pop-up windows: one would be a page we do not control.
        engine.setCreatePopupHandler(features -> null);
        getChildren().add(web);
        engine.locationProperty().addListener((o, a, location) -> {
            if (!isOurPage(location)) {
                leaveForeignPage(location);
            }
        });
        engine.getLoadWorker().stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.SUCCEEDED && isOurPage(engine.getLocation())) {
                ((JSObject) engine.executeScript("window")).setMember("bridge", bridge);
                loaded.set(true);
                pending.forEach(engine::executeScript);
                pending.clear();
            }
        });
        engine.load(pageUrl);
        if (!tiles.isEmpty()) {
            setTiles(tiles);
        }
        sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.getStylesheets().removeListener(lookChanged);
            }
            if (scene != null) {
                scene.getStylesheets().addListener(lookChanged);
                followNight();
            }
        });
        widthProperty().addListener((o, a, b) -> run("beatwise.invalidate()"));
        heightProperty().addListener((o, a, b) -> run("beatwise.invalidate()"));
    }

    /**
     * The address fragment csp.js reads to allow the tile source's images: the origin of a remote
     * template, or {@code file:} for a tile folder; nothing for no tiles.
     */
    static String tileFragment(String tiles) {
        String source = tileSource(tiles);
        return source.isEmpty() ? "" : "#tiles=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
    }

    static String tileSource(String tiles) {
        if (tiles == null || tiles.isBlank()) {
            return "";
        }
        URI uri = URI.create(tiles.strip().replace("{", "%7B").replace("}", "%7D"));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> "file:";
            case "http", "https" -> scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            default -> throw new IllegalArgumentException("map tiles must be a file: or http(s) URL template, was '" + tiles + "'");
        };
    }

    /** WebKit writes file URLs as file:///…, Java as file:/…; the fragment is part of what we loaded. */
    private boolean isOurPage(String location) {
        return location != null && normalise(location).equals(normalise(pageUrl));
    }

    private static String normalise(String url) {
        return url.replace("file:///", "file:/");
    }

    private void leaveForeignPage(String location) {
        if (loaded.get()) {
            LOG.warning("the map page navigated away to '" + location + "'; its bridge to the application is removed");
        }
        loaded.set(false);
        Object window = engine.executeScript("window");
        if (window instanceof JSObject js) {
            js.removeMember("bridge");
        }
    }

    private void followNight() {
        boolean now = Theme.isNight(getScene());
        if (now != night) {
            night = now;
            run("beatwise.setNight(" + now + ")");
        }
    }

    /** The engine itself, for tests that must look at a page which is not ours. */
    WebEngine engine() {
        return engine;
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

    /** @param geojson a GeoJSON document; re-written by Jackson here, so only JSON (never code) reaches the script */
    public void addAreas(String name, String geojson, String nameProperty) {
        run("beatwise.addAreas(" + json(name) + "," + json(parse(geojson)) + "," + json(nameProperty) + ")");
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

    /**
     * The model's top class on a small grid around a checked place, in its own layer ("Top class nearby")
     * with a legend; an empty list clears the layer and the legend.
     */
    public void setNearby(String legend, List<MapArea> cells) {
        run("beatwise.setNearby(" + json(legend) + "," + json(cells) + ")");
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

    private static JsonNode parse(String geojson) {
        try {
            return JSON.readTree(geojson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the map takes only a GeoJSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot pass data to the map: " + e.getMessage(), e);
        }
    }
}
