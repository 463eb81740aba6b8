package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.hotspot.ElbowPoint;
import org.beatwise.hotspot.Knee;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hotspots and elbow commands on the real Mattapan files, imported through the importer. */
@Tag("real")
class HotspotsCommandTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void importMattapan() {
        String[] args = {"import", BostonData.file("mattapan_only_2015.csv").toString(),
                BostonData.file("mattapan_only_2016.csv").toString(), BostonData.file("mattapan_only_2017.csv").toString(),
                BostonData.file("mattapan_only_2018.csv").toString(), "--dataset", "mattapan"};
        CliRun run = CliRun.run(home, "", args);
        assertEquals(0, run.exit(), run.err());
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        return JsonMappers.output().readTree(run.out());
    }

    @Test
    void theListOfSavedSetsNamesTheirMethod() throws Exception {
        json(CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--method", "gistar", "--name", "gi-list", "--json"));
        JsonNode sets = json(CliRun.run(home, "", "hotspots", "list", "--json"));
        JsonNode gi = null;
        for (JsonNode s : sets) {
            if (s.get("name").asText().equals("gi-list")) {
                gi = s;
            }
        }
        assertTrue(gi != null, sets.toString());
        assertEquals("gistar", gi.get("method").asText());
        assertEquals("mattapan", gi.get("dataset").asText());
        CliRun text = CliRun.run(home, "", "hotspots", "list");
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("gi-list") && l.contains(" gistar ")), text.out());
        CliRun noDataset = CliRun.run(home, "", "hotspots");
        assertEquals(2, noDataset.exit());
        assertTrue(noDataset.err().contains("Missing required option: '--dataset=NAME'"), noDataset.err());
    }

    @Test
    void tenCirclesOf250mJudgedOn2018AgainstTheEqualAreaGrid() throws Exception {
        JsonNode r = json(CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--radius-m", "250",
                "--test-from", "2018-01-01", "--name", "mattapan-250", "--json"));
        assertEquals(37_919, r.get("rows_used").asInt(), "2015-2018 after de-duplication");
        JsonNode hotspots = r.get("hotspots");
        assertEquals(10, hotspots.size());
        int total = 0;
        for (JsonNode h : hotspots) {
            assertEquals(250, h.get("radius_m").asDouble(), 1e-9);
            assertTrue(h.get("top_offences").size() > 0);
            assertTrue(h.has("lat") && h.has("lon"));
            total += h.get("count").asInt();
        }
        assertEquals(37_919, total);
        assertTrue(r.get("sse").asDouble() > 0);
        JsonNode kmeans = r.get("evaluation").get("kmeans");
        JsonNode grid = r.get("evaluation").get("grid");
        // measured by the author: circles 22 % of 2018 in 1.96 km², equal-area 150 m cells 53 %
        assertEquals(0.22, kmeans.get("hit_rate").asDouble(), 0.02);
        assertEquals(1.96, kmeans.get("area_km2").asDouble(), 0.05);
        assertEquals(0.53, grid.get("hit_rate").asDouble(), 0.03);
        assertTrue(grid.get("pai").asDouble() > kmeans.get("pai").asDouble(), "the grid beats the circles here");
        JsonNode districts = r.get("evaluation").get("districts");
        assertTrue(districts.size() > 0, r.get("evaluation").toString());
        int tests = 0;
        int gridHits = 0;
        for (JsonNode d : districts) {
            tests += d.get("test_incidents").asInt();
            gridHits += d.get("grid_hits").asInt();
            for (String key : List.of("district", "hits", "hit_rate", "share", "grid_hit_rate", "note")) {
                assertTrue(d.has(key), key + " in " + d);
            }
        }
        assertEquals(r.get("evaluation").get("test_count").asInt(), tests);
        assertEquals(grid.get("hits").asInt(), gridHits);
        // saved as a named set for the map and alerts
        assertTrue(CliRun.run(home, "", "audit", "--limit", "5").out().contains("HOTSPOTS"));
    }

    @Test
    void gistarCellsWithZAndPAndTheComparisonBesideKMeans() throws Exception {
        JsonNode r = json(CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--method", "gistar",
                "--test-from", "2018-01-01", "--json"));
        assertEquals("gistar", r.get("method").asText());
        assertEquals(0, r.get("hotspots").size());
        JsonNode cells = r.get("cells");
        assertTrue(cells.size() > 0);
        for (JsonNode c : cells) {
            assertTrue(c.get("z").asDouble() > 1.64 && c.get("p").asDouble() < 0.1, c.toString());
        }
        JsonNode e = r.get("evaluation");
        assertEquals("gistar", e.get("chosen").asText());
        List<String> methods = new ArrayList<>();
        for (JsonNode m : e.get("methods")) {
            methods.add(m.get("method").asText());
            for (String key : List.of("hit_rate", "hit_rate_sd", "pai", "pei", "area_km2", "areas", "windows")) {
                assertTrue(m.has(key), key + " in " + m);
            }
        }
        assertEquals(List.of("gistar", "kmeans"), methods, "K-Means always beside the chosen method");
        assertEquals(0.226, e.get("kmeans").get("hit_rate").asDouble(), 0.02, "the old key still works");
    }

    @Test
    void theTextNamesEachDistrictsHitRateBesideTheGrid() {
        CliRun run = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--method", "grid", "--test-from", "2018-01-01");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("By district (grid, test windows pooled; grid at the same area):"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  B3 ")), run.out());
    }

    @Test
    void badMethodSettingsNameTheSetting() {
        CliRun method = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--method", "circles");
        assertEquals(1, method.exit());
        assertTrue(method.err().contains("method must be one of"), method.err());
        CliRun halfLife = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--method", "kde", "--half-life-days", "0");
        assertEquals(1, halfLife.exit());
        assertTrue(halfLife.err().contains("halfLifeDays must be > 0"), halfLife.err());
        CliRun band = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--method", "gistar", "--gi-band-cells", "0.5");
        assertEquals(1, band.exit());
        assertTrue(band.err().contains("giBandCells must be in [1.0, 10.0] cells, was 0.5"), band.err());
    }

    @Test
    void elbowListsSseForEachKWithAKnee() throws Exception {
        JsonNode r = json(CliRun.run(home, "", "elbow", "--dataset", "mattapan", "--kmin", "2", "--kmax", "8", "--json"));
        JsonNode points = r.get("points");
        assertEquals(7, points.size());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).get("sse").asDouble() < points.get(i - 1).get("sse").asDouble());
        }
        List<ElbowPoint> curve = new ArrayList<>();
        points.forEach(p -> curve.add(new ElbowPoint(p.get("k").asInt(), p.get("sse").asDouble())));
        assertEquals(Knee.find(curve), r.get("knee_k").asInt(), "the knee of the curve the command printed");
        assertEquals(4, r.get("knee_k").asInt(), "the knee of Mattapan 2015-2018 for k = 2…8");
    }

    @Test
    void badSettingsGiveClearMessages() {
        CliRun zero = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--k", "0");
        assertEquals(1, zero.exit());
        assertEquals("beatwise: k must be between 2 and 50, was 0", zero.err().strip());
        CliRun empty = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--from", "2018-05-01", "--to", "2018-04-01");
        assertEquals(1, empty.exit());
        assertTrue(empty.err().startsWith("beatwise: ") && empty.err().lines().count() == 1, empty.err());
        CliRun missing = CliRun.run(home, "", "hotspots", "--dataset", "nowhere");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nowhere"), missing.err());
        assertEquals(2, CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--radius-m", "250", "--radius-share", "0.8").exit());
    }
}
