package org.beatwise.hotspot;

import java.time.LocalDateTime;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentColumns;
import org.beatwise.geo.LocalProjection;

/**
 * What a method may look at when it fits: the past incidents only, the projection every area is
 * expressed in, the moment the forecast is for (recency weights count back from it) and the area the
 * cell methods should fill so every method is judged at the same area.
 *
 * @param targetAreaM2 area the cell methods fill (k circles of the patrol radius)
 */
public record TrainingSet(List<Incident> incidents, LocalProjection projection, LocalDateTime asOf, double targetAreaM2) {

    public TrainingSet {
        // columns are read-only already, and a copy would make every row an object again
        incidents = incidents instanceof IncidentColumns ? incidents : List.copyOf(incidents);
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("a method needs at least one training incident");
        }
        if (!(targetAreaM2 > 0)) {
            throw new IllegalArgumentException("targetAreaM2 must be > 0, was " + targetAreaM2);
        }
    }

    WeightedPoints points() {
        return WeightedPoints.of(incidents, projection);
    }
}
