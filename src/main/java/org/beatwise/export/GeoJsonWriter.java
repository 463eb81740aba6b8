package org.beatwise.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.beatwise.geo.LocalProjection;
import org.beatwise.json.JsonMappers;

/**
 * Streams an RFC 7946 FeatureCollection: WGS84 positions as [longitude, latitude], polygon rings closed
 * and counter-clockwise, and Beatwise's own description of the collection as a foreign member, which
 * GIS tools ignore and a script can read. Streamed, so a million points never sit in memory as a tree.
 */
final class GeoJsonWriter implements AutoCloseable {

    /** Sides of the polygon that stands for a circle: under 0.2 % of its area short of the true circle. */
    static final int CIRCLE_SIDES = 64;
    /** About 1 cm at Boston's latitude: more digits would be noise. */
    private static final int DECIMALS = 7;

    private final JsonGenerator json;
    private int features;

    /**
     * @param name the collection's {@code name} (GDAL shows it as the layer name)
     * @param about Beatwise's description, written as the foreign member {@code beatwise}
     */
    GeoJsonWriter(OutputStream out, String name, Object about) throws IOException {
        json = JsonMappers.stored().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeStringField("name", name);
        json.writeObjectField("beatwise", about);
        json.writeArrayFieldStart("features");
    }

    /** A point; a position that is not a number gives a feature without geometry, which RFC 7946 allows. */
    void point(double lat, double lon, Map<String, ?> properties) throws IOException {
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeNullField("geometry");
            json.writeObjectField("properties", properties);
            json.writeEndObject();
            features++;
            return;
        }
        begin();
        json.writeStringField("type", "Point");
        json.writeFieldName("coordinates");
        position(lon, lat);
        end(properties);
    }

    /** A lat/lon box as a polygon, corners counter-clockwise from the south-west. */
    void box(double south, double west, double north, double east, Map<String, ?> properties) throws IOException {
        ring(new double[] {west, south, east, south, east, north, west, north}, properties);
    }

    /** A circle of {@code radiusM} metres around the centre, as a {@value #CIRCLE_SIDES}-sided polygon. */
    void circle(double lat, double lon, double radiusM, Map<String, ?> properties) throws IOException {
        LocalProjection p = new LocalProjection(lat, lon);
        double[] lonLat = new double[2 * CIRCLE_SIDES];
        for (int i = 0; i < CIRCLE_SIDES; i++) {
            // increasing angle from east through north: counter-clockwise, as RFC 7946 asks of outer rings
            double a = 2 * Math.PI * i / CIRCLE_SIDES;
            lonLat[2 * i] = p.lon(radiusM * Math.cos(a));
            lonLat[2 * i + 1] = p.lat(radiusM * Math.sin(a));
        }
        ring(lonLat, properties);
    }

    /** One outer ring given as open [lon, lat, …] corners in counter-clockwise order; written closed. */
    private void ring(double[] lonLat, Map<String, ?> properties) throws IOException {
        begin();
        json.writeStringField("type", "Polygon");
        json.writeArrayFieldStart("coordinates");
        json.writeStartArray();
        for (int i = 0; i < lonLat.length; i += 2) {
            position(lonLat[i], lonLat[i + 1]);
        }
        position(lonLat[0], lonLat[1]);
        json.writeEndArray();
        json.writeEndArray();
        end(properties);
    }

    private void begin() throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
    }

    private void end(Map<String, ?> properties) throws IOException {
        json.writeEndObject();
        json.writeObjectField("properties", properties);
        json.writeEndObject();
        features++;
    }

    private void position(double lon, double lat) throws IOException {
        json.writeStartArray();
        json.writeNumber(round(lon));
        json.writeNumber(round(lat));
        json.writeEndArray();
    }

    private static double round(double degrees) {
        double scale = Math.pow(10, DECIMALS);
        return Math.round(degrees * scale) / scale;
    }

    int features() {
        return features;
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
