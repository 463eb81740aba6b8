package org.beatwise.hotspot;

import java.util.List;

/**
 * A hotspot run, ready to be saved as a named set: the settings that made it, the hotspots, the
 * SSE, the future-period evaluation (null when skipped, with the reason in {@code notes}) and provenance.
 *
 * @param sse within-cluster sum of squared distances over all incidents used, in m²
 */
public record HotspotResult(HotspotSettings settings, List<Hotspot> hotspots, double sse, Evaluation evaluation,
                            List<String> notes, HotspotProvenance provenance) {

    public HotspotResult {
        hotspots = List.copyOf(hotspots);
        notes = List.copyOf(notes);
    }

    public int rowsUsed() {
        return provenance.rowsUsed();
    }
}
