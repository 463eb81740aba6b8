package org.beatwise.importing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A dataset as the Data pane and the {@code datasets} command show it.
 *
 * @param report        the cleaning report of all its imports together (null for an empty dataset)
 * @param firstOccurred earliest incident, null when empty
 */
public record DatasetInfo(String name, boolean synthetic, String createdBy, Instant createdAt, Instant updatedAt,
                          long rows, LocalDateTime firstOccurred, LocalDateTime lastOccurred, String mapping,
                          ImportReport report, List<FileInfo> files) {

    public DatasetInfo {
        files = List.copyOf(files);
    }

    /** One imported file of the dataset. */
    public record FileInfo(String fileName, String sha256, long sizeBytes, Instant importedAt, String importedBy,
                           long rowsRead, long rowsKept) {
    }
}
