package org.beatwise.domain;

import java.util.List;
import java.util.function.Consumer;

/** Where the model and hotspot services read a named dataset's incidents from; the import service provides it. */
@FunctionalInterface
public interface IncidentSource {

    /** The dataset's incidents; throws IllegalArgumentException naming the dataset when there is none. */
    List<Incident> incidents(String dataset);

    /**
     * Hands each of the dataset's incidents to {@code sink} in import order; a database-backed source
     * streams them, so only what the sink keeps stays in the heap (a sample, a compact array).
     */
    default void forEach(String dataset, Consumer<Incident> sink) {
        incidents(dataset).forEach(sink);
    }
}
