package org.beatwise.hotspot;

import java.util.List;
import org.beatwise.importing.Incident;

/** Where the hotspot service reads a named dataset's incidents from; the importer's dataset store provides it. */
@FunctionalInterface
public interface IncidentSource {

    /** The dataset's incidents; throws IllegalArgumentException naming the dataset when there is none. */
    List<Incident> incidents(String dataset);
}
