package org.beatwise.hotspot;

import java.util.List;

/**
 * A hotspot run, ready to be saved as a named set: the settings that made it, the method that was
 * used, its areas, the future-period evaluation (null when skipped, with the reason in {@code notes})
 * and provenance.
 *
 * <p>Circle methods (coverage, kmeans) fill {@code hotspots}, which the alerts and the map read; cell
 * methods (kde, gistar, grid) fill {@code cells} and leave {@code hotspots} empty. KDE also fills
 * {@code heat}: the densest raster cells over a larger area, for the map's heat layer.
 *
 * @param sse sum over all incidents used of the squared distance to the nearest circle centre, in m²
 *        (K-Means minimises it); 0 for cell methods
 * @param method the method the areas come from (never AUTO)
 */
public record HotspotResult(HotspotSettings settings, List<Hotspot> hotspots, double sse, Evaluation evaluation,
                            List<String> notes, HotspotProvenance provenance, MethodChoice method, List<HotCell> cells,
                            List<HotCell> heat) {

    public HotspotResult {
        hotspots = List.copyOf(hotspots);
        notes = List.copyOf(notes);
        method = method == null ? MethodChoice.KMEANS : method;
        cells = cells == null ? List.of() : List.copyOf(cells);
        heat = heat == null ? List.of() : List.copyOf(heat);
    }

    /** A K-Means result, as every set was before other methods existed. */
    public HotspotResult(HotspotSettings settings, List<Hotspot> hotspots, double sse, Evaluation evaluation,
                         List<String> notes, HotspotProvenance provenance) {
        this(settings, hotspots, sse, evaluation, notes, provenance, MethodChoice.KMEANS, List.of(), List.of());
    }

    public int rowsUsed() {
        return provenance.rowsUsed();
    }
}
