package org.beatwise.settings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where map tiles come from, if anywhere. Air-gapped stations have no tile server: by default the map
 * draws only vector layers. A station with its own tiles names a folder of {@code z/x/y.png}, a
 * {@code file:} URL template, or a URL template on a host the administrator allowed, such as
 * {@code http://tiles.local/{z}/{x}/{y}.png} with {@code tiles.local} in {@code map.allowed_hosts}.
 * Any other remote URL is refused: the map must not reach a host nobody chose.
 *
 * @param tiles empty for none, a folder path, or a URL template with {z}, {x} and {y}
 * @param allowedHosts the hosts a remote tile template may name (lower case); empty allows none
 */
public record MapSettings(String tiles, List<String> allowedHosts) {

    public static final String PREFIX = "map.";
    public static final String KEY = PREFIX + "tiles";
    public static final String ALLOWED_HOSTS_KEY = PREFIX + "allowed_hosts";

    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public MapSettings {
        tiles = tiles == null ? "" : tiles.strip();
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream()
                .map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String host : allowedHosts) {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException(ALLOWED_HOSTS_KEY + " must list host names such as tiles.local, was '"
                        + host + "'");
            }
        }
        if (!tiles.isEmpty() && isTemplate(tiles)) {
            if (!(tiles.contains("{z}") && tiles.contains("{x}") && tiles.contains("{y}"))) {
                throw new IllegalArgumentException("tile URL template must contain {z}, {x} and {y}, was '" + tiles + "'");
            }
            checkSource(tiles, allowedHosts);
        }
        if (!tiles.isEmpty() && !isTemplate(tiles) && !Files.isDirectory(Path.of(tiles))) {
            throw new IllegalArgumentException("tile folder not found: " + tiles);
        }
    }

    /** A station without an allowed host: tiles may come only from a folder or a file: URL. */
    public MapSettings(String tiles) {
        this(tiles, List.of());
    }

    /** No tile layer: the map draws only vector layers, as an air-gapped station needs. */
    public static MapSettings defaults() {
        return new MapSettings("", List.of());
    }

    private static boolean isTemplate(String s) {
        return s.contains("://");
    }

    private static URI uri(String template) {
        try {
            return URI.create(template.replace("{", "%7B").replace("}", "%7D"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + " is not a URL template, was '" + template + "'");
        }
    }

    private static void checkSource(String template, List<String> allowed) {
        URI uri = uri(template);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(KEY + " must be a folder, a file: URL or an http(s) URL, was '" + template + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowed.contains(host)) {
            throw new IllegalArgumentException(KEY + " names host '" + host + "', which is not in " + ALLOWED_HOSTS_KEY
                    + " (" + (allowed.isEmpty() ? "empty" : String.join(", ", allowed)) + "): an air-gapped station takes"
                    + " tiles only from a folder, a file: URL or a host the administrator lists there");
        }
    }

    /** The host the map reaches for tiles, when the tile source is remote. */
    public Optional<String> remoteHost() {
        if (!isTemplate(tiles)) {
            return Optional.empty();
        }
        URI uri = uri(tiles);
        return "file".equalsIgnoreCase(uri.getScheme()) ? Optional.empty() : Optional.of(uri.getHost().toLowerCase(Locale.ROOT));
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
        FlatKeys keys = new FlatKeys(p, PREFIX);
        List<String> hosts = keys.get("allowed_hosts", "host names separated by commas, such as tiles.local",
                MapSettings::hosts, defaults().allowedHosts());
        return new MapSettings(keys.getString("tiles", defaults().tiles()), hosts);
    }

    private static List<String> hosts(String value) {
        List<String> hosts = Arrays.stream(value.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
        if (!hosts.stream().allMatch(h -> HOST.matcher(h).matches())) {
            throw new IllegalArgumentException(value);
        }
        return hosts;
    }

    /** Allowed hosts first, so that a template naming one of them reads back. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ALLOWED_HOSTS_KEY, String.join(",", allowedHosts));
        p.put(KEY, tiles);
        return p;
    }
}
