package org.beatwise.store;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A row of {@code datasets}.
 *
 * @param mapping       field=header pairs of the latest import
 * @param reportJson    the cleaning report of all imports together
 * @param firstOccurred earliest incident, null while empty
 */
public record DatasetRecord(long id, String name, boolean synthetic, String createdBy, Instant createdAt,
                            Instant updatedAt, String mapping, String reportJson, long rowCount,
                            LocalDateTime firstOccurred, LocalDateTime lastOccurred) {
}
