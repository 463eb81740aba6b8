package org.beatwise.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.beatwise.alert.PredictionCheck;
import org.beatwise.alert.Zone;
import org.beatwise.domain.Actor;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.json.JsonMappers;
import org.beatwise.store.AlertRecord;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GeoJSON, CSV and PNG exports of a generated station, each read back by a real outside reader where there is one. */
class ExportServiceTest {

    @TempDir
    static Path dir;
    static Services services;
    static ExportService exports;
    static final Actor ANA = Actors.analyst(SyntheticStation.ANALYST);

    @BeforeAll
    static void station() {
        services = SyntheticStation.build(dir, new MutableClock(Instant.parse("2026-11-30T08:00:00Z")));
        exports = services.exports();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static Path out(String name) throws IOException {
        return Files.createDirectories(dir.resolve("out")).resolve(name);
    }

    private static HotspotSet set(String name) {
        return services.hotspots().load(name).orElseThrow();
    }

    private static String ogrinfo(Path file) {
        return ExternalTool.run("ogrinfo", "gdal-bin", "-ro", "-al", "-so", file.toString());
    }

    private static void assertFields(String ogrinfo, List<String> keys) {
        for (String key : keys) {
            assertTrue(ogrinfo.contains("\n" + key + ": "), "field " + key + " in\n" + ogrinfo);
        }
    }

    @Test
    void circlesAreClosedCounterClockwisePolygonsPlusCentresWithEveryFigure() throws Exception {
        HotspotSet set = set(SyntheticStation.CIRCLES);
        List<Hotspot> hotspots = set.result().hotspots();
        assertFalse(hotspots.isEmpty());
        Path file = out("circles.geojson");
        Exported e = exports.hotspots(ANA, set.name(), TableFormat.GEOJSON, file, false);
        assertEquals(2 * hotspots.size(), e.items());

        String info = ogrinfo(file);
        assertEquals(2 * hotspots.size(), ExternalTool.featureCount(info), info);
        assertFields(info, HotspotFigures.CIRCLE_KEYS);

        JsonNode doc = JsonMappers.stored().readTree(file.toFile());
        assertEquals(set.result().provenance().dataSha256(), doc.at("/beatwise/provenance/data_sha256").asText());
        assertEquals(set.dataset(), doc.at("/beatwise/dataset").asText());
        JsonNode districts = doc.at("/beatwise/backtest/districts");
        assertEquals(set.result().evaluation().districts().size(), districts.size(), doc.at("/beatwise/backtest").toString());
        assertEquals(set.result().evaluation().districts().get(0).testIncidents(),
                districts.get(0).get("test_incidents").asInt());
        JsonNode features = doc.get("features");
        for (int i = 0; i < hotspots.size(); i++) {
            Hotspot h = hotspots.get(i);
            JsonNode polygon = features.get(i);
            JsonNode ring = polygon.at("/geometry/coordinates/0");
            assertEquals(ring.get(0), ring.get(ring.size() - 1), "ring closed");
            assertTrue(signedArea(ring) > 0, "outer ring counter-clockwise");
            // RFC 7946 order is [longitude, latitude]: Boston's longitudes are near -71
            assertEquals(h.lon(), ring.get(0).get(0).asDouble(), 0.01);
            assertEquals(h.count(), polygon.at("/properties/count").asInt());
            JsonNode centre = features.get(hotspots.size() + i);
            assertEquals("Point", centre.at("/geometry/type").asText());
            assertEquals(h.lon(), centre.at("/geometry/coordinates/0").asDouble(), 1e-6);
            assertEquals(h.lat(), centre.at("/geometry/coordinates/1").asDouble(), 1e-6);
            assertEquals(h.radiusM(), centre.at("/properties/radius_m").asDouble(), 1e-9);
            assertEquals(h.share(), centre.at("/properties/share").asDouble(), 1e-12);
            assertEquals(24, centre.at("/properties/hour_counts").size());
        }
    }

    /** Shoelace in lon/lat: positive for a counter-clockwise ring. */
    private static double signedArea(JsonNode ring) {
        double twice = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            twice += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return twice / 2;
    }

    @Test
    void cellsCarryCountsAndZScores() throws Exception {
        HotspotSet set = set(SyntheticStation.CELLS);
        List<HotCell> cells = set.result().cells();
        assertFalse(cells.isEmpty(), "Gi* found cells on the generated data");
        Path file = out("cells.geojson");
        exports.hotspots(ANA, set.name(), TableFormat.GEOJSON, file, false);
        String info = ogrinfo(file);
        assertEquals(cells.size(), ExternalTool.featureCount(info), info);
        assertFields(info, HotspotFigures.CELL_KEYS);
        JsonNode first = JsonMappers.stored().readTree(file.toFile()).at("/features/0");
        assertEquals(cells.get(0).z(), first.at("/properties/z").asDouble(), 1e-12);
        assertEquals(cells.get(0).count(), first.at("/properties/count").asInt());
        assertTrue(signedArea(first.at("/geometry/coordinates/0")) > 0);

        Path csv = out("cells.csv");
        exports.hotspots(ANA, set.name(), TableFormat.CSV, csv, false);
        List<CSVRecord> rows = readCsv(csv);
        assertEquals(cells.size(), rows.size());
        assertEquals(String.valueOf(cells.get(0).p()), rows.get(0).get("p"));
    }

    @Test
    void circlesCsvFollowsRfc4180WithOneRowPerCircle() throws Exception {
        HotspotSet set = set(SyntheticStation.CIRCLES);
        Path file = out("circles.csv");
        Exported e = exports.hotspots(ANA, set.name(), TableFormat.CSV, file, false);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", HotspotFigures.CIRCLE_KEYS) + "\r\n"), "header and CRLF line ends");
        List<CSVRecord> rows = readCsv(file);
        assertEquals(set.result().hotspots().size(), rows.size());
        assertEquals(rows.size(), e.items());
        for (int i = 0; i < rows.size(); i++) {
            Hotspot h = set.result().hotspots().get(i);
            assertEquals(String.valueOf(h.count()), rows.get(i).get("count"));
            assertEquals(h.lat(), Double.parseDouble(rows.get(i).get("lat")), 0);
            assertEquals(h.hourCounts().stream().map(String::valueOf).toList(), List.of(rows.get(i).get("hour_counts").split(";")));
        }
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void datasetPointsCarryEveryStoredField() throws Exception {
        Path file = out("dataset.geojson");
        Exported e = exports.dataset(ANA, SyntheticStation.DATASET, TableFormat.GEOJSON, file, false);
        long rows = services.datasets().dataset(SyntheticStation.DATASET).orElseThrow().rows();
        assertEquals(rows, e.items());
        String info = ogrinfo(file);
        assertEquals(rows, ExternalTool.featureCount(info));
        assertFields(info, TableFiles.INCIDENT_KEYS);
        assertTrue(info.contains("Geometry: Point"), info);
    }

    @Test
    void alertsAsCsvAndGeoJsonWithFormulaCellsNeutralised() throws Exception {
        String sly = "=HYPERLINK(\"http://x\")";
        services.alerts().check(sly, new PredictionCheck(42.36, -71.06, "LARCENY", 0.99),
                List.of(new Zone("z", 42.36, -71.06, 250)), null, null);
        List<AlertRecord> all = services.alerts().list(null, null, null, 1000);
        assertTrue(all.size() > 3, "the station's alerts and the new one");

        Path geo = out("alerts.geojson");
        exports.alerts(ANA, null, TableFormat.GEOJSON, geo, false);
        String info = ogrinfo(geo);
        assertEquals(all.size(), ExternalTool.featureCount(info));
        assertFields(info, TableFiles.ALERT_KEYS);

        Path csv = out("alerts.csv");
        Exported e = exports.alerts(ANA, null, TableFormat.CSV, csv, false);
        List<CSVRecord> rows = readCsv(csv);
        assertEquals(all.size(), rows.size());
        assertEquals(all.size(), e.items());
        assertTrue(rows.stream().anyMatch(r -> r.get("username").equals("'" + sly)), "formula neutralised");
        assertTrue(rows.stream().noneMatch(r -> r.get("username").equals(sly)));
        assertTrue(rows.stream().anyMatch(r -> r.get("lon").startsWith("-71")), "numbers stay numbers");

        Path later = out("alerts-later.csv");
        exports.alerts(ANA, Instant.parse("2100-01-01T00:00:00Z"), TableFormat.CSV, later, false);
        assertEquals(0, readCsv(later).size(), "since a date after every alert");
    }

    @Test
    void mapPictureIsDrawnHeadlessAtTheAskedSize() throws Exception {
        Path file = out("map.png");
        exports.map(ANA, SyntheticStation.CIRCLES, 1600, 1000, file, false);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(1000, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        int red = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r > 150 && g < 90 && b < 90) {
                    red++;
                }
            }
        }
        assertTrue(colours.size() > 20, "more than a blank canvas: " + colours.size() + " colours");
        assertTrue(red > 100, "the hotspot circles' outlines are drawn: " + red + " red pixels");
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> exports.map(ANA, SyntheticStation.CIRCLES, 100_000, 1000, out("huge.png"), false));
        assertEquals("width must be between 200 and 8000 pixels, was 100000", tooBig.getMessage());
    }

    @Test
    void everyExportIsAuditedWithWhoWhatAndWhere() throws Exception {
        Path file = out("audited.csv");
        exports.hotspots(ANA, SyntheticStation.CIRCLES, TableFormat.CSV, file, false);
        AuditEntry last = services.audit().latest(1).get(0);
        assertEquals(AuditEvent.EXPORTED, last.event());
        assertEquals(ANA.name(), last.username());
        assertTrue(last.detail().startsWith("hotspots '" + SyntheticStation.CIRCLES + "' as csv"), last.detail());
        assertTrue(last.detail().endsWith(" to " + file.toAbsolutePath()), last.detail());
    }

    @Test
    void badTargetsAndNamesAreRefusedWithClearMessagesAndNothingWritten() throws Exception {
        Path existing = out("existing.geojson");
        Files.writeString(existing, "keep me");
        int auditBefore = services.audit().latest(1000).size();

        assertMessage("file " + existing + " exists already; choose another name or allow replacing it (--force)",
                () -> exports.hotspots(ANA, SyntheticStation.CIRCLES, TableFormat.GEOJSON, existing, false));
        assertEquals("keep me", Files.readString(existing));

        Path noFolder = dir.resolve("no/such/folder/x.csv");
        assertMessage("the folder of " + noFolder + " does not exist: " + noFolder.getParent(),
                () -> exports.hotspots(ANA, SyntheticStation.CIRCLES, TableFormat.CSV, noFolder, false));
        assertMessage("output file " + out("x.txt") + " must end in .csv for this format",
                () -> exports.hotspots(ANA, SyntheticStation.CIRCLES, TableFormat.CSV, out("x.txt"), false));
        Path folder = Files.createDirectories(out("folder.csv"));
        assertMessage("output " + folder + " is a folder, not a file",
                () -> exports.hotspots(ANA, SyntheticStation.CIRCLES, TableFormat.CSV, folder, false));
        IllegalArgumentException noSet = assertThrows(IllegalArgumentException.class,
                () -> exports.hotspots(ANA, "nowhere", TableFormat.CSV, out("n.csv"), false));
        assertTrue(noSet.getMessage().startsWith("no hotspot set named 'nowhere'; sets are ["), noSet.getMessage());
        IllegalArgumentException noData = assertThrows(IllegalArgumentException.class,
                () -> exports.dataset(ANA, "nowhere", TableFormat.GEOJSON, out("n.geojson"), false));
        assertTrue(noData.getMessage().startsWith("no dataset named 'nowhere'"), noData.getMessage());

        assertFalse(Files.exists(out("n.csv")));
        assertFalse(Files.exists(out("n.geojson")));
        assertEquals(auditBefore, services.audit().latest(1000).size(), "nothing exported, nothing audited");

        exports.hotspots(ANA, SyntheticStation.CIRCLES, TableFormat.GEOJSON, existing, true);
        assertTrue(Files.readString(existing).startsWith("{\"type\":\"FeatureCollection\""), "replaced with --force");
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void aFailureHalfWayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("half"));
        Path target = folder.resolve("brief.pdf");
        Files.writeString(target, "old");
        OutputFile out = OutputFile.checked(target, "pdf", true);
        assertThrows(java.io.UncheckedIOException.class, () -> out.write(s -> {
            s.write(new byte[64 * 1024]);
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        Path fresh = folder.resolve("fresh.pdf");
        assertThrows(java.io.UncheckedIOException.class, () -> OutputFile.checked(fresh, "pdf", false).write(s -> {
            s.write(1);
            throw new IOException("disk full");
        }));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList(), "no half-written file, no temporary file");
        }
        byte[] png = MapPicture.png(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB));
        Exported picture = exports.picture(ANA, "elbow chart", png, folder.resolve("elbow.png"), false);
        assertArrayEquals(png, Files.readAllBytes(folder.resolve("elbow.png")));
        assertEquals("elbow chart", picture.name());
        assertMessage("the chart picture is not a PNG image",
                () -> exports.picture(ANA, "chart", "not a png".getBytes(StandardCharsets.UTF_8), folder.resolve("c.png"), false));
        assertFalse(Files.exists(folder.resolve("c.png")));
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertEquals(Set.of("brief.pdf", "elbow.png"), new HashSet<>(names));
    }
}
