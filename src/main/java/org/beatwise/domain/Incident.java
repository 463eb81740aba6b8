package org.beatwise.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One cleaned incident as the rest of Beatwise sees it. Time is the agency's local wall-clock time
 * (the BPD writes local time even where it appends "+00"). Coordinates are WGS84 degrees.
 *
 * @param sourceLine line of the source file the record started on (1 = header), for reports
 */
public record Incident(
        String incidentId,
        LocalDateTime occurredAt,
        double lat,
        double lon,
        String offense,
        String offenseCode,
        String offenseGroup,
        String district,
        long sourceLine) {

    public Incident {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(offense, "offense");
    }

    public int hour() {
        return occurredAt.getHour();
    }

    /** Day of week 1 (Monday) … 7 (Sunday), ISO order. */
    public int dayOfWeek() {
        return occurredAt.getDayOfWeek().getValue();
    }

    public int month() {
        return occurredAt.getMonthValue();
    }
}
