package org.beatwise.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.beatwise.domain.Area;
import org.beatwise.store.AreaLayerRecord;
import org.beatwise.store.AreaStore;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;

/** Boundary area layers (districts, neighbourhoods) imported from GeoJSON, and the Boston districts shipped with Beatwise. */
public final class AreaService {

    private final AreaStore areas;
    private final AuditStore audit;
    private final Clock clock;

    public AreaService(AreaStore areas, AuditStore audit, Clock clock) {
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Imports a GeoJSON boundary file as a named layer (name: the file name when null), and says which
     * features were skipped (no geometry, another geometry type, no name property).
     */
    public AreaImport importAreas(String actor, Path file, String nameProperty, String layerName) {
        String name = ImportRequest.checkName(layerName == null ? ImportRequest.defaultName(file) : layerName);
        GeoJsonAreas.Read counted = GeoJsonAreas.readCounting(file, nameProperty);
        List<Area> read = counted.areas();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            // 7 decimals is about 1 cm: the file as given, normalised to MultiPolygons
            GeoJsonAreas.write(read, json, 7);
            String sha = Sha256.of(file);
            AreaLayerRecord r = new AreaLayerRecord(0, name, nameProperty, file.getFileName().toString(), sha, read.size(),
                    actor, clock.instant(), json.toString(StandardCharsets.UTF_8));
            areas.insert(r);
        } catch (IOException e) {
            throw new ImportException(file.getFileName().toString(), "cannot read the file: " + e.getMessage());
        }
        SkippedFeatures skipped = counted.skipped();
        audit.record(actor, AuditEvent.IMPORT, "area layer '" + name + "' from " + file.getFileName() + ": " + read.size()
                + " areas named by '" + nameProperty + "'" + (skipped.total() == 0 ? "" : "; " + skipped.describe()));
        return new AreaImport(new AreaLayerInfo(name, nameProperty, file.getFileName().toString(), read.size(), actor,
                clock.instant()), skipped);
    }

    public List<AreaLayerInfo> areaLayers() {
        return areas.list().stream().map(r -> new AreaLayerInfo(r.name(), r.nameProperty(), r.fileName(), r.areaCount(),
                r.createdBy(), r.createdAt())).toList();
    }

    /** The areas of an imported layer. */
    public List<Area> areas(String layer) {
        AreaLayerRecord r = areas.find(layer).orElseThrow(() -> new IllegalArgumentException("no area layer named '" + layer
                + "'; layers are " + areas.list().stream().map(AreaLayerRecord::name).toList()));
        return GeoJsonAreas.read(new ByteArrayInputStream(r.geojson().getBytes(StandardCharsets.UTF_8)), r.name(), r.nameProperty());
    }

    /** The simplified Boston police districts shipped in lib-data (the demo map's base layer). */
    public static List<Area> bostonDistricts() {
        try (InputStream in = AreaService.class.getResourceAsStream(GeoJsonAreas.BOSTON_DISTRICTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(GeoJsonAreas.BOSTON_DISTRICTS_RESOURCE + " is missing from the classpath");
            }
            return GeoJsonAreas.read(in, "boston_police_districts.geojson", "DISTRICT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
