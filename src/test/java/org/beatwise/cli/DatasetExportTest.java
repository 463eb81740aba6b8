package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset moves between stations: exported on one, imported on another, every incident the same. */
class DatasetExportTest {

    @TempDir
    Path dir;

    @Test
    @Tag("real")
    void mattapanRoundTripsThroughAnExport() throws Exception {
        Path a = dir.resolve("station-a");
        Path b = dir.resolve("station-b");
        assertEquals(0, CliRun.run(a, "", "import", BostonData.file("mattapan_only_2018.csv").toString(),
                BostonData.file("mattapan_only_2019.csv").toString(), "--dataset", "b3").exit());
        Path file = dir.resolve("usb/b3.csv");
        CliRun export = CliRun.run(a, "", "dataset", "export", "b3", file.toString(), "--json");
        assertEquals(0, export.exit(), export.err());
        JsonNode done = JsonMappers.output().readTree(export.out());
        assertEquals(10_961 + 6_263, done.get("rows").asInt());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left beside the export");
        }

        JsonNode imported = JsonMappers.output().readTree(CliRun.run(b, "", "import", file.toString(), "--dataset", "b3", "--json").out());
        assertEquals(done.get("rows").asInt(), imported.get("rows_read").asInt());
        assertEquals(done.get("rows").asInt(), imported.get("rows_kept").asInt(), "nothing dropped on the way");

        try (Services sa = Services.open(new DataHome(a)); Services sb = Services.open(new DataHome(b))) {
            List<Incident> before = sa.datasets().incidents("b3");
            List<Incident> after = sb.datasets().incidents("b3");
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                Incident x = before.get(i);
                Incident y = after.get(i);
                assertEquals(x.incidentId(), y.incidentId());
                assertEquals(x.occurredAt(), y.occurredAt());
                assertEquals(x.offense(), y.offense());
                assertEquals(x.offenseCode(), y.offenseCode());
                assertEquals(x.lat(), y.lat(), 0);
                assertEquals(x.lon(), y.lon(), 0);
            }
        }
    }

    @Test
    void unknownDatasetIsAClearFailureAndWritesNothing() {
        Path file = dir.resolve("out.csv");
        CliRun run = CliRun.run(TestHomes.station(dir.resolve("home")), "", "dataset", "export", "nowhere", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("nowhere"), run.err());
        assertFalse(Files.exists(file));
    }
}
