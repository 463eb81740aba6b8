package org.beatwise.model;

import java.util.List;
import java.util.Objects;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentColumns;

/**
 * The rows to learn from and who asked.
 *
 * @param datasetName the dataset's name, recorded in the model's provenance
 * @param createdBy   the signed-in user who started the training
 */
public record TrainingData(String datasetName, List<Incident> rows, String createdBy) {

    public TrainingData {
        Objects.requireNonNull(datasetName, "datasetName");
        // a read-only list kept as columns stays so: copying it would make every row an object again
        rows = rows instanceof IncidentColumns ? rows : List.copyOf(rows);
        createdBy = createdBy == null || createdBy.isBlank() ? ModelMetadata.UNKNOWN : createdBy;
    }

    public TrainingData(String datasetName, List<Incident> rows) {
        this(datasetName, rows, null);
    }
}
