package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and export commands on the real Mattapan 2018 file, imported through the importer. */
@Tag("real")
class ExportCommandsTest {

    @TempDir
    static Path home;
    @TempDir
    static Path out;

    @BeforeAll
    static void importMattapanAndFindHotspots() {
        CliRun imported = CliRun.run(home, "", "import", BostonData.file("mattapan_only_2018.csv").toString(),
                "--dataset", "mattapan");
        assertEquals(0, imported.exit(), imported.err());
        CliRun spots = CliRun.run(home, "", "hotspots", "--dataset", "mattapan", "--k", "5", "--restarts", "2",
                "--name", "b3-night");
        assertEquals(0, spots.exit(), spots.err());
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exit(), run.err());
        return JsonMappers.output().readTree(run.out());
    }

    @Test
    void aBriefingOnRealDataCarriesNoSyntheticMarkAnywhere() throws Exception {
        Path pdf = out.resolve("brief.pdf");
        JsonNode r = json(CliRun.run(home, "", "report", "--dataset", "mattapan", "--hotspots", "b3-night",
                "--station", "Mattapan B-3", "--out", pdf.toString(), "--json"));
        assertEquals("briefing", r.get("what").asText());
        assertEquals(2, r.get("items").asInt(), "overview and hotspot table, no model asked for");
        assertEquals(Files.size(pdf), r.get("bytes").asLong());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            for (int page = 1; page <= 2; page++) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(page);
                text.setEndPage(page);
                String t = text.getText(doc);
                assertFalse(t.toUpperCase(Locale.ROOT).contains("SYNTHETIC"), "page " + page + ":\n" + t);
                assertTrue(t.contains("Mattapan B-3"), t);
            }
        }
        CliRun again = CliRun.run(home, "", "report", "--dataset", "mattapan", "--hotspots", "b3-night", "--out", pdf.toString());
        assertEquals(1, again.exit());
        assertEquals("beatwise: file " + pdf + " exists already; choose another name or allow replacing it (--force)",
                again.err().strip());
        assertEquals(0, CliRun.run(home, "", "report", "--dataset", "mattapan", "--hotspots", "b3-night", "--out",
                pdf.toString(), "--force").exit());
    }

    @Test
    void hotspotsDatasetAndMapExportsFromTheCommandLine() throws Exception {
        Path geo = out.resolve("b3.geojson");
        JsonNode h = json(CliRun.run(home, "", "export", "hotspots", "b3-night", "--format", "geojson", "--out",
                geo.toString(), "--json"));
        assertEquals(10, h.get("items").asInt(), "5 circles and their 5 centres");
        JsonNode collection = JsonMappers.output().readTree(geo.toFile());
        assertEquals("mattapan", collection.at("/beatwise/dataset").asText());

        Path csv = out.resolve("b3.csv");
        JsonNode c = json(CliRun.run(home, "", "export", "hotspots", "b3-night", "--format", "csv", "--out", csv.toString(),
                "--json"));
        assertEquals(5, c.get("items").asInt());
        assertEquals(6, Files.readAllLines(csv).size(), "header and 5 rows");

        Path points = out.resolve("mattapan.geojson");
        JsonNode d = json(CliRun.run(home, "", "export", "dataset", "mattapan", "--format", "geojson", "--out",
                points.toString(), "--json"));
        JsonNode datasets = json(CliRun.run(home, "", "datasets", "--json"));
        assertEquals("mattapan", datasets.get(0).get("name").asText());
        assertEquals(datasets.get(0).get("rows").asLong(), d.get("items").asLong(), "a feature for every stored incident");

        Path png = out.resolve("map.png");
        CliRun map = CliRun.run(home, "", "export", "map", "--hotspots", "b3-night", "--out", png.toString(), "--width",
                "800", "--height", "500");
        assertEquals(0, map.exit(), map.err());
        assertTrue(map.out().startsWith("Wrote map 'b3-night' as PNG to "), map.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());

        CliRun audit = CliRun.run(home, "", "audit", "--limit", "10");
        assertTrue(audit.out().contains("EXPORTED"), audit.out());
        assertTrue(audit.out().contains(png.toString()), audit.out());
    }

    @Test
    void wrongFormatsNamesAndFoldersGiveClearMessages() {
        CliRun kml = CliRun.run(home, "", "export", "hotspots", "b3-night", "--format", "kml", "--out", out.resolve("x.kml").toString());
        assertEquals(2, kml.exit());
        assertTrue(kml.err().contains("--format"), kml.err());
        CliRun noSet = CliRun.run(home, "", "export", "map", "--hotspots", "nope", "--out", out.resolve("x.png").toString());
        assertEquals(1, noSet.exit());
        assertTrue(noSet.err().startsWith("beatwise: no hotspot set named 'nope'; sets are [b3-night]"), noSet.err());
        Path nowhere = out.resolve("missing/x.csv");
        CliRun noFolder = CliRun.run(home, "", "export", "alerts", "--format", "csv", "--out", nowhere.toString());
        assertEquals(1, noFolder.exit());
        assertEquals("beatwise: the folder of " + nowhere + " does not exist: " + nowhere.getParent(), noFolder.err().strip());
        CliRun otherData = CliRun.run(home, "", "report", "--dataset", "elsewhere", "--hotspots", "b3-night", "--out",
                out.resolve("r.pdf").toString());
        assertEquals(1, otherData.exit());
        assertTrue(otherData.err().startsWith("beatwise: no dataset named 'elsewhere'"), otherData.err());
        List<String> left = new ArrayList<>();
        for (String f : new String[] {"x.kml", "x.png", "r.pdf"}) {
            if (Files.exists(out.resolve(f))) {
                left.add(f);
            }
        }
        assertEquals(List.of(), left, "nothing written");
    }
}
