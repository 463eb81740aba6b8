package org.beatwise.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where map tiles come from, if anywhere. Air-gapped stations have no tile server: by default the map
 * draws only vector layers. A station with its own tiles names a folder of {@code z/x/y.png} or an
 * internal URL template such as {@code http://tiles.local/{z}/{x}/{y}.png}.
 *
 * @param tiles empty for none, a folder path, or a URL template with {z}, {x} and {y}
 */
public record MapSettings(String tiles) {

    public static final String PREFIX = "map.";
    public static final String KEY = PREFIX + "tiles";

    public MapSettings {
        tiles = tiles == null ? "" : tiles.strip();
        if (!tiles.isEmpty() && isTemplate(tiles)
                && !(tiles.contains("{z}") && tiles.contains("{x}") && tiles.contains("{y}"))) {
            throw new IllegalArgumentException("tile URL template must contain {z}, {x} and {y}, was '" + tiles + "'");
        }
        if (!tiles.isEmpty() && !isTemplate(tiles) && !Files.isDirectory(Path.of(tiles))) {
            throw new IllegalArgumentException("tile folder not found: " + tiles);
        }
    }

    /** No tile layer: the map draws only vector layers, as an air-gapped station needs. */
    public static MapSettings defaults() {
        return new MapSettings("");
    }

    private static boolean isTemplate(String s) {
        return s.contains("://");
    }

    /** The URL template Leaflet needs, or empty for no tile layer. */
    public String urlTemplate() {
        if (tiles.isEmpty() || isTemplate(tiles)) {
            return tiles;
        }
        return Path.of(tiles).toAbsolutePath().toUri().toString().replaceAll("/$", "") + "/{z}/{x}/{y}.png";
    }

    /** Reads the settings, taking the default for every missing key. */
    public static MapSettings of(Map<String, String> p) {
        return new MapSettings(new FlatKeys(p, PREFIX).getString("tiles", defaults().tiles()));
    }

    public Map<String, String> toProperties() {
        return Map.of(KEY, tiles);
    }
}
