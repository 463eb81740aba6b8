package org.beatwise.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tile rule: a folder, a file: URL, or a host the administrator allowed; nothing else. */
class MapSettingsTest {

    @TempDir
    Path home;

    @Test
    void defaultsAllowNoHostAndDrawNoTiles() {
        assertEquals(new MapSettings("", List.of()), MapSettings.defaults());
        assertEquals(Optional.empty(), MapSettings.defaults().remoteHost());
        assertEquals(MapSettings.defaults(), MapSettings.of(Map.of()));
    }

    @Test
    void aListedHostIsAllowedAndNamedAsTheOneTheMapReaches() {
        MapSettings s = MapSettings.of(Map.of("map.allowed_hosts", " Tiles.Local , maps.internal",
                "map.tiles", "https://tiles.local:8443/{z}/{x}/{y}.png"));
        assertEquals(List.of("tiles.local", "maps.internal"), s.allowedHosts());
        assertEquals(Optional.of("tiles.local"), s.remoteHost());
        assertEquals(s, MapSettings.of(s.toProperties()), "round trip through flat keys");
    }

    @Test
    void localSourcesNeedNoHost() {
        assertEquals(Optional.empty(), new MapSettings("file:///srv/tiles/{z}/{x}/{y}.png").remoteHost());
        assertEquals(Optional.empty(), new MapSettings(home.toString()).remoteHost());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|http://tiles.example.org/{z}/{x}/{y}.png|map.tiles names host 'tiles.example.org', which is not in map.allowed_hosts (empty): an air-gapped station takes tiles only from a folder, a file: URL or a host the administrator lists there",
            "tiles.local|https://tile.openstreetmap.org/{z}/{x}/{y}.png|map.tiles names host 'tile.openstreetmap.org', which is not in map.allowed_hosts (tiles.local): an air-gapped station takes tiles only from a folder, a file: URL or a host the administrator lists there",
            "tiles.local|ftp://tiles.local/{z}/{x}/{y}.png|map.tiles must be a folder, a file: URL or an http(s) URL, was 'ftp://tiles.local/{z}/{x}/{y}.png'",
            "tiles local||map.allowed_hosts must be host names separated by commas, such as tiles.local, was 'tiles local'",
            "tiles.local,http://x||map.allowed_hosts must be host names separated by commas, such as tiles.local, was 'tiles.local,http://x'"})
    void otherSourcesAreRefusedByKeyAndValue(String hosts, String tiles, String message) {
        Map<String, String> p = new java.util.HashMap<>();
        p.put("map.allowed_hosts", hosts == null ? "" : hosts);
        p.put("map.tiles", tiles == null ? "" : tiles);
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> MapSettings.of(p)).getMessage());
    }

    @Test
    void theRecordNamesABadHost() {
        assertEquals("map.allowed_hosts must list host names such as tiles.local, was 'a b'",
                assertThrows(IllegalArgumentException.class, () -> new MapSettings("", List.of("a b"))).getMessage());
    }

    @Test
    void theStationAllowsAHostBeforeItsTilesAndRefusesAnUnlistedOneStoringNothing() {
        try (Services s = TestHomes.fast(home.resolve("h"), new MutableClock(Instant.parse("2026-01-05T09:00:00Z")))) {
            StationSettingsService station = s.stationSettings();
            var e = assertThrows(IllegalArgumentException.class,
                    () -> station.set(Actors.admin("root"), "map.tiles", "http://tiles.local/{z}/{x}/{y}.png"));
            assertEquals("map.tiles names host 'tiles.local', which is not in map.allowed_hosts (empty): an air-gapped"
                    + " station takes tiles only from a folder, a file: URL or a host the administrator lists there", e.getMessage());
            assertEquals(MapSettings.defaults(), station.map());
            station.set(Actors.admin("root"), "map.allowed_hosts", "tiles.local");
            station.set(Actors.admin("root"), "map.tiles", "http://tiles.local/{z}/{x}/{y}.png");
            assertEquals(Optional.of("tiles.local"), station.map().remoteHost());
        }
    }
}
