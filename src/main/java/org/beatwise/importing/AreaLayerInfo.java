package org.beatwise.importing;

import java.time.Instant;

/** An imported boundary layer, without its geometry. */
public record AreaLayerInfo(String name, String nameProperty, String fileName, int areas, String createdBy, Instant createdAt) {
}
