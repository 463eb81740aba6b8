package org.beatwise.store;

import java.time.Instant;

/** A saved column mapping: {@code columns} holds field=header pairs, one per line. */
public record MappingRecord(String name, String columns, String datePattern, String createdBy, Instant createdAt) {
}
