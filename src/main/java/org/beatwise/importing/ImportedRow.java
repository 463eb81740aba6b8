package org.beatwise.importing;

import org.beatwise.domain.Incident;

/**
 * A cleaned incident plus the columns an analyst filters on that the shared {@link Incident} does not
 * carry. Text fields are "" when the file has no such column or the value is empty.
 *
 * @param shooting  true/false from 1/0, Y/N or true/false; null when absent or empty
 * @param dedupeKey {@link DuplicateFilter#key(Incident)}, computed once while reading
 */
public record ImportedRow(Incident incident, String street, String reportingArea, Boolean shooting, String ucrPart,
                          long dedupeKey) {
}
