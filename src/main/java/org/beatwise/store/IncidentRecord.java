package org.beatwise.store;

import java.time.LocalDateTime;

/**
 * A row of {@code incidents} as the store reads and writes it (hour, day of week and month are
 * derived from {@code occurredAt}). Text columns are never null; "" means absent.
 *
 * @param shooting null when the export has no such value
 */
public record IncidentRecord(long fileId, long sourceLine, String incidentId, LocalDateTime occurredAt, double lat,
                             double lon, String offense, String offenseCode, String offenseGroup, String district,
                             String street, String reportingArea, Boolean shooting, String ucrPart, long dedupeKey) {
}
