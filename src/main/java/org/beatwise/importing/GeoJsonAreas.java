package org.beatwise.importing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.domain.Area;
import org.beatwise.json.JsonMappers;

/**
 * Reads and writes boundary areas as GeoJSON FeatureCollections of Polygons and MultiPolygons in
 * WGS84 lon/lat (RFC 7946). Features without geometry, of other geometry types or without the name
 * property are skipped and counted; everything else that is wrong is an {@link ImportException}
 * naming the file and feature. Files are capped at {@link #MAX_FILE_BYTES}, since the whole tree is
 * held in memory.
 */
public final class GeoJsonAreas {

    private static final ObjectMapper JSON = JsonMappers.stored();

    /**
     * About twenty times Boston's detailed neighbourhood and district files (1.3 and 1.5 MB); a parsed
     * tree takes several times the file's size in memory.
     */
    public static final long MAX_FILE_BYTES = 32L << 20;

    /** The areas read from a file and the features that were skipped. */
    public record Read(List<Area> areas, SkippedFeatures skipped) { }

    private GeoJsonAreas() { }

    public static List<Area> read(Path file, String nameProperty) {
        return readCounting(file, nameProperty).areas();
    }

    /** Reads a boundary file, refusing one larger than {@link #MAX_FILE_BYTES}. */
    public static Read readCounting(Path file, String nameProperty) {
        return readCounting(file, nameProperty, MAX_FILE_BYTES);
    }

    static Read readCounting(Path file, String nameProperty, long maxBytes) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ImportException(name, "the file is " + size + " bytes, more than the "
                        + maxBytes + " bytes a boundary file may be; simplify it (fewer vertices) and import that");
            }
            return readCounting(in, name, nameProperty);
        } catch (IOException e) {
            throw new ImportException(name, "cannot read the GeoJSON: " + e.getMessage());
        }
    }

    public static List<Area> read(InputStream in, String fileName, String nameProperty) {
        return readCounting(in, fileName, nameProperty).areas();
    }

    public static Read readCounting(InputStream in, String fileName, String nameProperty) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImportException(fileName, line, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportException(fileName, "cannot read the GeoJSON: " + e.getMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new ImportException(fileName, "not a GeoJSON FeatureCollection (its \"type\" is "
                    + (root == null ? "missing" : "'" + root.path("type").asText() + "'") + ")");
        }
        List<Area> areas = new ArrayList<>();
        int index = 0;
        int noGeometry = 0;
        int unsupported = 0;
        int noName = 0;
        String firstNoName = null;
        for (JsonNode feature : root.path("features")) {
            index++;
            JsonNode geometry = feature.path("geometry");
            if (!geometry.isObject()) {
                noGeometry++;
                continue;
            }
            String type = geometry.path("type").asText();
            if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
                unsupported++;
                continue;
            }
            Map<String, String> props = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = feature.path("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    props.put(e.getKey(), e.getValue().asText());
                }
            }
            String areaName = props.get(nameProperty);
            if (areaName == null || areaName.isBlank()) {
                noName++;
                if (firstNoName == null) {
                    firstNoName = "feature " + index + " has no property '" + nameProperty + "'; its properties are "
                            + props.keySet() + " (choose one with --name-property)";
                }
                continue;
            }
            List<Area.Polygon> polygons = new ArrayList<>();
            try {
                if (type.equals("Polygon")) {
                    polygons.add(polygon(geometry.path("coordinates")));
                } else {
                    for (JsonNode p : geometry.path("coordinates")) {
                        polygons.add(polygon(p));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ImportException(fileName, "feature " + index + " ('" + areaName + "'): " + e.getMessage());
            }
            areas.add(new Area(areaName.trim(), props, polygons));
        }
        if (areas.isEmpty()) {
            throw new ImportException(fileName, firstNoName != null ? firstNoName : "no Polygon or MultiPolygon features");
        }
        return new Read(areas, new SkippedFeatures(noGeometry, unsupported, noName));
    }

    private static Area.Polygon polygon(JsonNode rings) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode ring : rings) {
            double[] flat = new double[ring.size() * 2];
            int i = 0;
            for (JsonNode pos : ring) {
                double lon = pos.path(0).asDouble(Double.NaN);
                double lat = pos.path(1).asDouble(Double.NaN);
                if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                    throw new IllegalArgumentException("position " + pos + " is not WGS84 lon/lat (projected coordinates?)");
                }
                flat[i++] = lon;
                flat[i++] = lat;
            }
            if (flat.length < 8) {
                throw new IllegalArgumentException("a ring has fewer than 4 positions");
            }
            out.add(flat);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("a polygon has no rings");
        }
        return new Area.Polygon(out);
    }

    /** Tolerance and grid of the Boston districts base layer in lib-data (about 2 m and 1 m). */
    public static final double BASE_LAYER_TOLERANCE = 0.00002;
    public static final int BASE_LAYER_DECIMALS = 5;
    /** Classpath location of the simplified Boston police districts. */
    public static final String BOSTON_DISTRICTS_RESOURCE = "/lib-data/boston_police_districts.geojson";

    /**
     * Writes a simplified copy of a boundary file (how lib-data's base layer was made; also for a
     * user's own large boundary files).
     */
    public static void writeSimplified(Path in, String nameProperty, double tolerance, int decimals, Path out) {
        List<Area> simplified = Simplifier.simplify(read(in, nameProperty), tolerance, decimals);
        try (OutputStream os = Files.newOutputStream(out)) {
            write(simplified, os, decimals);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + out, e);
        }
    }

    /** The areas as one GeoJSON FeatureCollection (6 decimals: about 10 cm), for the map. */
    public static String toJson(List<Area> areas) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(areas, out, 6);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes the areas as a FeatureCollection with coordinates rounded to {@code decimals} places. */
    public static void write(List<Area> areas, OutputStream out, int decimals) throws IOException {
        double scale = Math.pow(10, decimals);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Area a : areas) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, String> e : a.properties().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "MultiPolygon");
                g.writeArrayFieldStart("coordinates");
                for (Area.Polygon p : a.polygons()) {
                    g.writeStartArray();
                    for (double[] ring : p.rings()) {
                        g.writeStartArray();
                        for (int i = 0; i < ring.length; i += 2) {
                            g.writeStartArray();
                            g.writeNumber(Math.round(ring[i] * scale) / scale);
                            g.writeNumber(Math.round(ring[i + 1] * scale) / scale);
                            g.writeEndArray();
                        }
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
