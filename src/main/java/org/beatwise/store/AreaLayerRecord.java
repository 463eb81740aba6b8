package org.beatwise.store;

import java.time.Instant;

/** A row of {@code area_layers}; {@code geojson} is null in listings, which leave the geometry out. */
public record AreaLayerRecord(long id, String name, String nameProperty, String fileName, String sha256, int areaCount,
                              String createdBy, Instant createdAt, String geojson) {
}
