package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beatwise.bench.ThrowAwayNames;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.json.JsonMappers;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The import, datasets, dataset, generate, import-areas and bench commands through the launcher's CLI. */
class ImportCommandTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        return JsonMappers.output().readTree(run.out());
    }

    @Test
    @Tag("real")
    void importsARealExportAndRefusesItTwice() throws Exception {
        String file = BostonData.file("boston_crime_2023_jan_mar.csv").toString();
        JsonNode r = json(CliRun.run(home, "", "import", file, "--json"));
        assertEquals("boston_crime_2023_jan_mar", r.get("dataset").asText());
        assertEquals(14_527, r.get("rows_read").asLong());
        assertEquals(12_045, r.get("rows_kept").asLong());
        assertEquals(2_482, r.get("dropped").get("missing_coordinates").asLong());
        assertEquals(1, r.get("dropped").size());
        assertEquals(12_045, r.get("dataset_rows").asLong());

        CliRun again = CliRun.run(home, "", "import", file, "--dataset", "BOSTON_crime_2023_jan_mar");
        assertEquals(1, again.exit());
        assertEquals("beatwise: boston_crime_2023_jan_mar.csv: dataset 'boston_crime_2023_jan_mar' already holds this file "
                + "(same SHA-256 as 'boston_crime_2023_jan_mar.csv'); nothing was imported", again.err().strip());

        JsonNode list = json(CliRun.run(home, "", "datasets", "--json"));
        assertEquals(1, list.size());
        assertEquals(12_045, list.get(0).get("rows").asLong());
        assertEquals("2023-01-01T00:00:00", list.get(0).get("first_occurred").asText());
        assertFalse(list.get(0).get("synthetic").asBoolean());
    }

    @Test
    @Tag("real")
    void fiveMattapanYearsIntoOneDatasetWithATextReport() {
        String[] args = {"import", "--dataset", "mattapan"};
        String[] files = new String[5];
        for (int y = 2015; y <= 2019; y++) {
            files[y - 2015] = BostonData.file("mattapan_only_" + y + ".csv").toString();
        }
        String[] all = new String[args.length + files.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(files, 0, all, args.length, files.length);
        CliRun run = CliRun.run(home, "", all);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Imported 5 files into dataset 'mattapan', which now holds 44,182 incidents."), run.out());
        assertTrue(run.out().contains("mattapan_only_2018.csv: BPD, x-MacRoman (not valid UTF-8"), run.out());
        assertTrue(run.out().contains("dropped        33  duplicate record"), run.out());
        assertTrue(run.out().contains("Total: 44,298 read, 44,182 kept (99.7 %)"), run.out());
        assertTrue(run.err().contains("rows read"), "progress goes to stderr");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "empty.csv                   | empty.csv: the file is empty (0 bytes)",
            "header_only.csv             | header_only.csv, line 1: the file has a header but no data rows",
            "spreadsheet.xlsx            | spreadsheet.xlsx: this is not a CSV text file: it looks like a ZIP archive",
            "unterminated_quote.csv      | unterminated_quote.csv, line 3, column 3 (OFFENSE_DESCRIPTION): unterminated quote",
            "unknown_date_format.csv     | unknown_date_format.csv, line 2, column OCCURRED_ON_DATE: the date '01.01.2016 10h00'",
            "no_recognisable_columns.csv | no_recognisable_columns.csv, line 1: no recognisable columns"})
    void badInputExitsOneWithOneLineAndChangesNothing(String name, String message) throws Exception {
        Path file = Path.of(getClass().getResource("/importing/bad/" + name).toURI());
        CliRun run = CliRun.run(home, "", "import", file.toString(), "--dataset", "x");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("beatwise: " + message), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("[ ]", CliRun.run(home, "", "datasets", "--json").out().strip());
    }

    @Test
    void columnMappingSavedAndReused() throws Exception {
        Path london = work.resolve("london.csv");
        Files.writeString(london, "Case,Crime,When,Y,X\nC1,Burglary,15/06/2019 14:30,51.5,-0.12\nC2,Theft,x,51.6,-0.1\n");
        JsonNode r = json(CliRun.run(home, "", "import", london.toString(), "--column", "id=Case", "--column", "offense=Crime",
                "--column", "datetime=When", "--column", "lat=Y", "--column", "lon=X", "--date-format", "dd/MM/yyyy HH:mm",
                "--save-mapping", "met", "--json"));
        assertEquals(1, r.get("rows_kept").asLong());
        assertEquals(1, r.get("dropped").get("bad_date").asLong());
        assertEquals("column mapping", r.get("files").get(0).get("schema").asText());

        Path more = work.resolve("london2.csv");
        Files.writeString(more, "Case,Crime,When,Y,X\nC9,Robbery,16/06/2019 01:00,51.5,-0.12\n");
        JsonNode again = json(CliRun.run(home, "", "import", more.toString(), "--dataset", "london", "--mapping", "MET", "--json"));
        assertEquals(2, again.get("dataset_rows").asLong());

        CliRun both = CliRun.run(home, "", "import", more.toString(), "--mapping", "met", "--column", "lat=Y");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("give either --column or --mapping, not both"), both.err());

        CliRun badField = CliRun.run(home, "", "import", more.toString(), "--column", "colour=Y");
        assertEquals(1, badField.exit());
        assertTrue(badField.err().startsWith("beatwise: unknown field 'colour'; fields are id, datetime"), badField.err());
    }

    @Test
    void generateIsDeterministicAndImportsAsBpd() throws Exception {
        Path a = work.resolve("a.csv");
        Path b = work.resolve("b.csv");
        assertEquals(0, CliRun.run(home, "", "generate", "--rows", "3000", "--seed", "7", "--out", a.toString()).exit());
        assertEquals(0, CliRun.run(home, "", "generate", "--rows", "3000", "--seed", "7", "--out", b.toString()).exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        JsonNode r = json(CliRun.run(home, "", "import", a.toString(), "--bbox", "42.2,-71.2,42.4,-70.9", "--json"));
        assertEquals(3000, r.get("rows_read").asLong());
        assertEquals(3000 - 10, r.get("rows_kept").asLong());
        assertEquals("BPD", r.get("files").get(0).get("schema").asText());
    }

    @Test
    void deleteDataset() throws Exception {
        Path a = work.resolve("a.csv");
        CliRun.run(home, "", "generate", "--rows", "200", "--out", a.toString());
        assertEquals(0, CliRun.run(home, "", "import", a.toString(), "--dataset", "demo").exit());
        JsonNode shown = json(CliRun.run(home, "", "dataset", "show", "demo", "--json"));
        assertEquals(1, shown.get("file_reports").size());
        CliRun del = CliRun.run(home, "", "dataset", "delete", "DEMO");
        assertEquals(0, del.exit(), del.err());
        assertEquals("Deleted dataset 'DEMO'", del.out().strip());
        CliRun again = CliRun.run(home, "", "dataset", "delete", "demo");
        assertEquals(1, again.exit());
        assertEquals("beatwise: no dataset named 'demo'", again.err().strip());
        assertTrue(CliRun.run(home, "", "audit", "--json").out().contains("DATASET_DELETED"));
    }

    @Test
    void importAreas() throws Exception {
        Path f = work.resolve("zones.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"Z\":\"N\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}");
        JsonNode r = json(CliRun.run(home, "", "import-areas", f.toString(), "--name-property", "Z", "--json"));
        assertEquals("zones", r.get("name").asText());
        assertEquals(1, r.get("areas").asInt());
        CliRun wrong = CliRun.run(home, "", "import-areas", f.toString(), "--name-property", "NAME", "--layer", "other");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("feature 1 has no property 'NAME'; its properties are [Z]"), wrong.err());
    }

    @Test
    void importAreasReportsSkippedFeatures() throws Exception {
        Path f = work.resolve("mixed.geojson");
        String polygon = "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}";
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"Z\":\"N\"}," + polygon + ","
                + "{\"type\":\"Feature\",\"properties\":{\"Y\":\"S\"}," + polygon + ","
                + "{\"type\":\"Feature\",\"properties\":{\"Z\":\"P\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,0]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"Z\":\"Q\"}}]}");
        JsonNode r = json(CliRun.run(home, "", "import-areas", f.toString(), "--name-property", "Z", "--json"));
        assertEquals(1, r.get("areas").asInt());
        assertEquals(1, r.get("skipped").get("no_geometry").asInt());
        assertEquals(1, r.get("skipped").get("unsupported_geometry").asInt());
        assertEquals(1, r.get("skipped").get("no_name").asInt());
        CliRun text = CliRun.run(home, "", "import-areas", f.toString(), "--name-property", "Z", "--layer", "again");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("Imported layer 'again': 1 areas named by Z; 3 features skipped (1 without geometry, "
                + "1 of a geometry type other than Polygon/MultiPolygon, 1 without the name property)"), text.out());
    }

    @Test
    void benchReportsImportFigures() throws Exception {
        JsonNode r = json(CliRun.run(home, "", "bench", "--rows", "2000", "--json"));
        assertTrue(r.get("import_rows_per_s").asLong() > 0);
        assertTrue(r.get("import_peak_heap_mb").asLong() > 0);
        assertEquals(2000, r.get("import_rows").asLong());
        assertEquals("[ ]", CliRun.run(home, "", "datasets", "--json").out().strip(), "bench uses a fresh database, not the station's");
    }

    @Test
    void benchScaleOnH2ImportsListsExportsTrainsAndClustersThenDeletes() throws Exception {
        JsonNode r = json(CliRun.run(home, "", "bench", "--rows", "3000", "--scale", "--json"));
        assertEquals("H2", r.get("engine").asText());
        long kept = r.get("scale_import_rows_kept").asLong();
        assertTrue(kept > 2900 && kept <= 3000, "kept " + kept);
        assertEquals(kept, r.get("scale_list_rows").asLong(), "every stored incident streamed back");
        assertEquals(kept, r.get("scale_export_rows").asLong());
        assertEquals(kept, r.get("scale_train_sample_rows").asLong(), "below the sample limit: all rows");
        for (String key : new String[] {"scale_import_s", "scale_list_s", "scale_export_s", "scale_train_s", "scale_kmeans_s",
            "scale_coverage_s"}) {
            assertTrue(r.has(key), key);
        }
        assertEquals("[ ]", CliRun.run(home, "", "datasets", "--json").out().strip(), "a temporary data home, not the station's");
    }
    @Test
    void benchWithDbImportsIntoPostgresAndNamesIt() throws Exception {
        try (org.beatwise.testing.TestPostgres.Schema schema = org.beatwise.testing.TestPostgres.schema()) {
            // what runs stopped by a signal left: one on this station (its process is gone), one on another
            Path csv = work.resolve("left.csv");
            SyntheticGenerator.write(GeneratorSettings.defaults(200).withSeed(42), csv, Progress.NONE);
            String stoppedHere = "bench-scale-" + ThrowAwayNames.thisHost() + "-" + Long.MAX_VALUE + "-1";
            String otherStation = "bench-scale-" + ThrowAwayNames.thisHost() + "x-" + Long.MAX_VALUE + "-1";
            for (String name : List.of(stoppedHere, otherStation)) {
                assertEquals(0, CliRun.run(home, "", "import", csv.toString(), "--dataset", name, "--db", schema.url()).exit());
            }

            JsonNode r = json(CliRun.run(home, "", "bench", "--rows", "3000", "--db", schema.url(), "--json"));
            assertEquals("POSTGRESQL", r.get("engine").asText());
            assertEquals(r.get("scale_import_rows_kept").asLong(), r.get("scale_list_rows").asLong());
            assertTrue(r.get("scale_import_rows_per_s").asLong() > 0);
            assertTrue(r.has("scale_coverage_s"));
            JsonNode left = json(CliRun.run(home, "", "datasets", "--db", schema.url(), "--json"));
            assertEquals(1, left.size(), "the run's own dataset and the one a stopped run here left are deleted: " + left);
            assertEquals(otherStation, left.get(0).get("name").asText(), "another station's is never touched");
        }
    }
}

