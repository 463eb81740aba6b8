package org.beatwise.store;

import java.time.Instant;

/** A row of {@code dataset_files}: one imported file of a dataset, with its own cleaning report. */
public record DatasetFileRecord(long id, long datasetId, String fileName, String sha256, long sizeBytes,
                                Instant importedAt, String importedBy, String mapping, long rowsRead, long rowsKept,
                                String reportJson) {
}
