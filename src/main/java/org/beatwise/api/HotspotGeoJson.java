package org.beatwise.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.beatwise.hotspot.HotCell;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.OffenceShare;

/**
 * A saved hotspot set as a GeoJSON FeatureCollection (RFC 7946, [lon, lat] order): circles as Point
 * features with their radius in {@code radius_m} (GeoJSON has no circle), cells as Polygon features.
 * The set's name, dataset, method and creator are foreign members of the collection.
 *
 * <p>A stop-gap of the API's own: the {@code export} package gets a hotspot-set GeoJSON writer of its own,
 * which this class should give way to, so that the file export and the API answer byte for byte alike.
 */
public final class HotspotGeoJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HotspotGeoJson() { }

    public static ObjectNode of(HotspotSet set) {
        HotspotResult r = set.result();
        ObjectNode fc = JSON.objectNode();
        fc.put("type", "FeatureCollection");
        fc.put("name", set.name());
        fc.put("dataset", set.dataset());
        fc.put("method", r.method().key());
        fc.put("created_at", set.createdAt() == null ? null : set.createdAt().toString());
        fc.put("created_by", set.createdBy());
        ArrayNode features = fc.putArray("features");
        for (Hotspot h : r.hotspots()) {
            features.add(circle(h));
        }
        for (HotCell c : r.cells()) {
            features.add(cell(c));
        }
        return fc;
    }

    private static ObjectNode circle(Hotspot h) {
        ObjectNode f = feature("Point");
        ((ObjectNode) f.get("geometry")).putArray("coordinates").add(h.lon()).add(h.lat());
        ObjectNode p = (ObjectNode) f.get("properties");
        p.put("kind", "circle");
        p.put("rank", h.rank());
        p.put("radius_m", h.radiusM());
        p.put("count", h.count());
        p.put("share", h.share());
        p.put("area_km2", h.areaKm2());
        p.put("inside", h.inside());
        ArrayNode top = p.putArray("top_offences");
        for (OffenceShare o : h.topOffences()) {
            top.addObject().put("offence", o.offence()).put("count", o.count()).put("share", o.share());
        }
        return f;
    }

    private static ObjectNode cell(HotCell c) {
        ObjectNode f = feature("Polygon");
        ArrayNode ring = ((ObjectNode) f.get("geometry")).putArray("coordinates").addArray();
        ring.addArray().add(c.west()).add(c.south());
        ring.addArray().add(c.east()).add(c.south());
        ring.addArray().add(c.east()).add(c.north());
        ring.addArray().add(c.west()).add(c.north());
        ring.addArray().add(c.west()).add(c.south());
        ObjectNode p = (ObjectNode) f.get("properties");
        p.put("kind", "cell");
        p.put("rank", c.rank());
        p.put("score", c.score());
        p.put("count", c.count());
        if (c.z() != null) {
            p.put("z", c.z());
            p.put("p", c.p());
        }
        if (c.confidence() != null) {
            p.put("confidence", c.confidence());
        }
        return f;
    }

    private static ObjectNode feature(String geometryType) {
        ObjectNode f = JSON.objectNode();
        f.put("type", "Feature");
        f.putObject("geometry").put("type", geometryType);
        f.putObject("properties");
        return f;
    }
}
