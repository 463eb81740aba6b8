package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.TestHomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCommandTest {

    @TempDir
    Path home;

    @Test
    void showsAndChangesValidatedSettings() throws Exception {
        TestHomes.station(home);
        JsonNode all = JsonMappers.output().readTree(CliRun.run(home, "", "settings", "--json").out());
        assertEquals("0.7", all.get("alert.confidence_threshold").asText());
        assertEquals("5", all.get("auth.max_failed_attempts").asText());
        assertEquals("", all.get("map.tiles").asText());

        assertEquals(0, CliRun.run(home, "", "settings", "set", "alert.confidence_threshold", "0.5").exit());
        assertEquals(0, CliRun.run(home, "", "settings", "set", "auth.self_registration", "false").exit());
        Path tiles = Files.createDirectories(home.resolve("tiles"));
        assertEquals(0, CliRun.run(home, "", "settings", "set", "map.tiles", tiles.toString()).exit());
        all = JsonMappers.output().readTree(CliRun.run(home, "", "settings", "--json").out());
        assertEquals("0.5", all.get("alert.confidence_threshold").asText());
        assertEquals("false", all.get("auth.self_registration").asText());
        assertEquals(tiles.toString(), all.get("map.tiles").asText());
        assertTrue(CliRun.run(home, "", "audit", "--limit", "3").out().contains("SETTINGS_CHANGED"));
    }

    @Test
    void badValuesAreRefusedWithTheFieldAndNothingIsStored() throws Exception {
        CliRun bad = CliRun.run(home, "", "settings", "set", "alert.confidence_threshold", "2");
        assertEquals(1, bad.exit());
        assertEquals("beatwise: confidenceThreshold must be above 0 and at most 1, was 2.0", bad.err().strip());
        CliRun tiles = CliRun.run(home, "", "settings", "set", "map.tiles", "http://tiles.local/tiles.png");
        assertEquals(1, tiles.exit());
        assertTrue(tiles.err().contains("must contain {z}, {x} and {y}"), tiles.err());
        CliRun unknown = CliRun.run(home, "", "settings", "set", "colour", "red");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("beatwise: unknown setting 'colour'; known: auth.max_failed_attempts"), unknown.err());
        JsonNode all = JsonMappers.output().readTree(CliRun.run(home, "", "settings", "--json").out());
        assertEquals("0.7", all.get("alert.confidence_threshold").asText());
    }
}
