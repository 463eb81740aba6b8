package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.beatwise.json.JsonMappers;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    /** A file's report_json exactly as Beatwise stored it before reports took the printed shape. */
    private static String oldShapeReport() throws IOException {
        try (InputStream in = ReportJsonTest.class.getResourceAsStream("/stored/import-report-before-cleaning-report.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aReportStoredInTheOldShapeStillReads() throws IOException {
        ImportReport r = ReportJson.read(oldShapeReport());

        assertEquals("g.csv", r.file());
        assertEquals("UTF-8", r.encoding());
        assertNull(r.encodingNote());
        assertEquals("BPD", r.schema());
        assertEquals("known formats", r.dateFormat());
        assertEquals(2000, r.rowsRead());
        assertEquals(1990, r.rowsKept());
        assertEquals(9, r.dropped().size());
        assertEquals(2, r.count(DropReason.PLACEHOLDER_COORDINATES));
        assertEquals(List.of(new ImportReport.Example(363, "Lat/Long", "-1.000000,-1.000000"),
                        new ImportReport.Example(544, "Lat/Long", "0.000000,0.000000")),
                r.dropped().get(DropReason.PLACEHOLDER_COORDINATES).examples());
        assertEquals(LocalDateTime.of(2023, 1, 1, 17, 20), r.firstOccurred());
        assertEquals(LocalDateTime.of(2024, 12, 30, 16, 46), r.lastOccurred());
    }

    @Test
    void reportsAreStoredInThePrintedShapeAndReadBackUnchanged() throws IOException {
        ImportReport r = ReportJson.read(oldShapeReport());

        String json = ReportJson.write(r);

        JsonNode stored = JsonMappers.stored().readTree(json);
        JsonNode printed = JsonMappers.output().readTree(JsonMappers.output().writeValueAsString(CleaningReport.of(r)));
        assertEquals(printed, stored, "one shape stored and printed");
        assertEquals(1, stored.get("dropped").get("malformed_row").asLong());
        assertEquals(0.995, stored.get("kept_share").asDouble());
        assertEquals("Lat/Long", stored.get("examples").get("missing_coordinates").get(0).get("column").asText());
        assertEquals(r, ReportJson.read(json));
    }

    @Test
    void blankOrEmptyTextIsNoReport() {
        assertNull(ReportJson.read(null));
        assertNull(ReportJson.read(" "));
        assertNull(ReportJson.read("{}"));
    }
}
