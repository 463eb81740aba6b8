package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beatwise.domain.Area;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonAreasTest {

    @TempDir
    Path tmp;

    private static final String SQUARE_WITH_HOLE = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"name":"Box","n":3},"geometry":{"type":"Polygon","coordinates":[
               [[0,0],[10,0],[10,10],[0,10],[0,0]],
               [[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
             {"type":"Feature","properties":{"name":"Pin"},"geometry":{"type":"Point","coordinates":[1,1]}},
             {"type":"Feature","properties":{"name":"Two"},"geometry":{"type":"MultiPolygon","coordinates":[
               [[[20,20],[21,20],[21,21],[20,21],[20,20]]],
               [[[30,30],[31,30],[31,31],[30,31],[30,30]]]]}}]}
            """;

    private static List<Area> parse(String json, String prop) {
        return GeoJsonAreas.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.geojson", prop);
    }

    @Test
    void readsPolygonsAndMultiPolygonsSkipsOtherGeometry() {
        List<Area> areas = parse(SQUARE_WITH_HOLE, "name");
        assertEquals(List.of("Box", "Two"), areas.stream().map(Area::name).toList());
        assertEquals("3", areas.get(0).properties().get("n"));
        assertEquals(2, areas.get(0).polygons().get(0).rings().size());
        assertEquals(2, areas.get(1).polygons().size());
        assertTrue(areas.get(0).contains(1, 1));
        assertFalse(areas.get(0).contains(5, 5), "inside the hole");
        assertTrue(areas.get(1).contains(30.5, 30.5));
    }

    @Test
    void skippedFeaturesAreCountedByReason() {
        String json = SQUARE_WITH_HOLE.replace("{\"type\":\"Feature\",\"properties\":{\"name\":\"Pin\"}",
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"Nowhere\"},\"geometry\":null},"
                + "{\"type\":\"Feature\",\"properties\":{\"label\":\"Unnamed\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Pin\"}");
        GeoJsonAreas.Read r = GeoJsonAreas.readCounting(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "t.geojson", "name");
        assertEquals(List.of("Box", "Two"), r.areas().stream().map(Area::name).toList());
        assertEquals(new SkippedFeatures(1, 1, 1), r.skipped());
        assertEquals("3 features skipped (1 without geometry, 1 of a geometry type other than Polygon/MultiPolygon, "
                + "1 without the name property)", r.skipped().describe());
    }

    @Test
    void aFileOverTheCapIsRefusedWithItsSizeAndTheCap() throws IOException {
        Path f = tmp.resolve("big.geojson");
        Files.writeString(f, SQUARE_WITH_HOLE);
        long size = Files.size(f);
        ImportException e = assertThrows(ImportException.class, () -> GeoJsonAreas.readCounting(f, "name", size - 1));
        assertEquals("big.geojson: the file is " + size + " bytes, more than the " + (size - 1)
                + " bytes a boundary file may be; simplify it (fewer vertices) and import that", e.getMessage());
        assertEquals(2, GeoJsonAreas.readCounting(f, "name", size).areas().size());
        assertEquals(32L << 20, GeoJsonAreas.MAX_FILE_BYTES);
    }

    @Test
    void missingNamePropertyListsTheProperties() {
        ImportException e = assertThrows(ImportException.class, () -> parse(SQUARE_WITH_HOLE, "DISTRICT"));
        assertEquals("t.geojson: feature 1 has no property 'DISTRICT'; its properties are [name, n] "
                + "(choose one with --name-property)", e.getMessage());
    }

    @Test
    void notAFeatureCollection() {
        assertEquals("t.geojson: not a GeoJSON FeatureCollection (its \"type\" is 'Feature')",
                assertThrows(ImportException.class, () -> parse("{\"type\":\"Feature\"}", "name")).getMessage());
        assertTrue(assertThrows(ImportException.class, () -> parse("{\"type\":", "name")).getMessage()
                .startsWith("t.geojson, line 1: not valid JSON"));
    }

    @Test
    void projectedCoordinatesAreRefused() {
        String json = SQUARE_WITH_HOLE.replace("[10,0]", "[776000.5,2950000.1]");
        ImportException e = assertThrows(ImportException.class, () -> parse(json, "name"));
        assertTrue(e.getMessage().contains("is not WGS84 lon/lat"), e.getMessage());
    }

    @Test
    void writeAndReadBack() throws IOException {
        List<Area> areas = parse(SQUARE_WITH_HOLE, "name");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoJsonAreas.write(areas, out, 5);
        List<Area> back = GeoJsonAreas.read(new ByteArrayInputStream(out.toByteArray()), "back", "name");
        assertEquals(areas.size(), back.size());
        assertArrayEquals(areas.get(0).polygons().get(0).rings().get(1), back.get(0).polygons().get(0).rings().get(1));
    }

    @Test
    void simplifierDropsCollinearPointsAndKeepsShape() {
        double[] ring = new double[2 * 102];
        int k = 0;
        for (int i = 0; i <= 100; i++) {         // bottom edge with 101 points, wobbling by 1e-6
            ring[k++] = i * 0.01;
            ring[k++] = (i % 2) * 1e-6;
        }
        ring[k++] = 0.5;
        ring[k++] = 1;
        double[] closed = java.util.Arrays.copyOf(ring, k + 2);
        closed[k] = ring[0];
        closed[k + 1] = ring[1];
        double[] s = Simplifier.ring(closed, 1e-4, 5);
        assertEquals(4, s.length / 2, java.util.Arrays.toString(s));
        assertEquals(s[0], s[s.length - 2]);
        assertEquals(s[1], s[s.length - 1]);
        assertEquals(null, Simplifier.ring(new double[] {0, 0, 1e-7, 0, 1e-7, 1e-7, 0, 0}, 1e-4, 5),
                "a ring smaller than the grid collapses");
    }

    @Test
    @Tag("real")
    void bostonBaseLayerInLibDataIsTheSimplifiedSourceByteForByte() throws IOException {
        Path source = BostonData.file("Police_Districts.geojson");
        Path out = tmp.resolve("districts.geojson");
        GeoJsonAreas.writeSimplified(source, "DISTRICT", GeoJsonAreas.BASE_LAYER_TOLERANCE, GeoJsonAreas.BASE_LAYER_DECIMALS, out);
        byte[] shipped;
        try (InputStream in = GeoJsonAreas.class.getResourceAsStream(GeoJsonAreas.BOSTON_DISTRICTS_RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(out), shipped);
        assertTrue(shipped.length < 200 * 1024);
        List<Area> districts = GeoJsonAreas.read(new ByteArrayInputStream(shipped), "lib-data", "DISTRICT");
        assertEquals(List.of("A1", "A15", "A7", "B2", "B3", "C11", "C6", "D14", "D4", "E13", "E18", "E5"),
                districts.stream().map(Area::name).sorted().toList());
        // Mattapan incidents fall in B3 (spot check with the first rows of a real file)
        Area b3 = districts.stream().filter(a -> a.name().equals("B3")).findFirst().orElseThrow();
        long inside = BostonData.mattapan(2019).stream().limit(200).filter(i -> b3.contains(i.lat(), i.lon())).count();
        assertTrue(inside >= 190, inside + " of 200");
    }
}
