package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile} and {@code evaluate --by} through the real command line on the imported demo rows. */
class ExplainCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @BeforeEach
    void importDemo() {
        CliRun imported = run("import", CrimeDemo.csv(work).toString(), "--dataset", CrimeDemo.NAME);
        assertEquals(0, imported.exit(), imported.err());
    }

    CliRun run(String... args) {
        return CliRun.run(home, "", args);
    }

    @Test
    void profileJsonCountsWhatLiesWithinTheRadius() throws Exception {
        var rows = TestIncidents.crimeTypes(4000);
        var centre = rows.get(0);
        CliRun p = run("profile", "--dataset", "demo", "--lat", "" + centre.lat(), "--lon", "" + centre.lon(),
                "--radius-m", "300", "--from", "2020-02-01", "--to", "2020-11-30", "--json");
        assertEquals(0, p.exit(), p.err());
        JsonNode j = JsonMappers.output().readTree(p.out());
        long expected = rows.stream().filter(i -> org.beatwise.geo.LatLon.haversineMetres(centre.lat(), centre.lon(), i.lat(),
                i.lon()) <= 300).filter(i -> !i.occurredAt().toLocalDate().isBefore(java.time.LocalDate.of(2020, 2, 1))
                && !i.occurredAt().toLocalDate().isAfter(java.time.LocalDate.of(2020, 11, 30))).count();
        assertTrue(expected > 10, "the test place should hold incidents: " + expected);
        assertEquals(expected, j.get("incidents").asLong());
        for (String key : List.of("offences", "by_hour", "by_day_of_week", "by_month", "trend", "recent", "hotspot_sets")) {
            assertTrue(j.has(key), "profile --json lacks " + key);
        }
        assertEquals(24, j.get("by_hour").size());
        assertEquals(10, j.get("by_month").size());
        JsonNode first = j.get("offences").get(0);
        assertTrue(first.has("lift") && first.has("share") && first.has("dataset_share"), first.toString());
        String text = run("profile", "--dataset", "demo", "--lat", "" + centre.lat(), "--lon", "" + centre.lon()).out();
        assertTrue(text.contains("within 250 m"), text);
        assertTrue(text.contains("lift"), text);
    }

    @Test
    void profileNamesTheOptionThatIsWrong() {
        CliRun bad = run("profile", "--dataset", "demo", "--lat", "42.3", "--lon", "-71.08", "--radius-m", "0");
        assertTrue(bad.exit() != 0);
        assertTrue(bad.err().contains("--radius-m must be more than 0"), bad.err());
        CliRun none = run("profile", "--dataset", "nope", "--lat", "42.3", "--lon", "-71.08");
        assertTrue(none.exit() != 0 && none.err().contains("no dataset named 'nope'"), none.err());
        CliRun order = run("profile", "--dataset", "demo", "--lat", "42.3", "--lon", "-71.08", "--from", "2020-05-01",
                "--to", "2020-04-01");
        assertTrue(order.exit() != 0 && order.err().contains("--to (2020-04-01) must not be before the start of the period (2020-05-01)"), order.err());
    }

    @Test
    void evaluateByDistrictAndHourBandAddUpToTheTestRows() throws Exception {
        CliRun train = run("train", "--dataset", "demo", "--name", "m1", "--trees", "10", "--min-class-size", "20");
        assertEquals(0, train.exit(), train.err());
        for (String by : List.of("district", "hour-band", "category")) {
            CliRun e = run("evaluate", "--model", "m1", "--by", by, "--json");
            assertEquals(0, e.exit(), e.err());
            JsonNode j = JsonMappers.output().readTree(e.out());
            int sum = 0;
            for (JsonNode g : j.get("by_group").get("groups")) {
                sum += g.get("n").asInt();
                assertTrue(g.get("prior").has("log_loss") && g.get("majority").has("accuracy"), g.toString());
            }
            assertEquals(j.get("n_test").asInt(), sum, by);
            assertEquals(42, j.get("feature_importance").get("seed").asInt());
        }
        String text = run("evaluate", "--model", "m1", "--by", "hour-band").out();
        assertTrue(text.contains("Permutation importance") && text.contains("By hour-band"), text);
        CliRun bad = run("evaluate", "--model", "m1", "--by", "beat");
        assertTrue(bad.exit() != 0 && bad.err().contains("district, category, hour-band"), bad.err());
    }
}
