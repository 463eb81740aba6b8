package org.beatwise.domain;

import java.util.List;

/** Where the model and hotspot services read a named dataset's incidents from; the import service provides it. */
@FunctionalInterface
public interface IncidentSource {

    /** The dataset's incidents; throws IllegalArgumentException naming the dataset when there is none. */
    List<Incident> incidents(String dataset);
}
