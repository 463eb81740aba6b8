package org.beatwise.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Cleaning reports as JSON, the form in which datasets keep them. */
public final class ReportJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // reports written by a later version may carry more fields
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() { }

    public static String write(ImportReport report) {
        try {
            return MAPPER.writeValueAsString(report);
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
            return MAPPER.readValue(json, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
