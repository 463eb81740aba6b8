package org.beatwise.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beatwise.json.JsonMappers;

/**
 * Cleaning reports as JSON, the form in which datasets keep them: the {@link CleaningReport} shape the
 * command line prints. Reports stored before that (the {@link ImportReport} record itself, each
 * reason's count and examples together under its enum name) still read.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMappers.stored();

    private ReportJson() { }

    public static String write(ImportReport report) {
        try {
            return MAPPER.writeValueAsString(CleaningReport.of(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
    }

    /** The report, or null for null/blank text. */
    public static ImportReport read(String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return null;
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            // every report in the current shape has kept_share; the old shape never had it
            return tree.has("kept_share") ? MAPPER.treeToValue(tree, CleaningReport.class).toImportReport()
                    : MAPPER.treeToValue(tree, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report is not readable: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored report is not readable: " + e.getMessage(), e);
        }
    }
}
