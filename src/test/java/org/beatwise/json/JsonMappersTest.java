package org.beatwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMappersTest {

    record Doc(String fileName, LocalDateTime firstOccurred, Instant createdAt, Map<String, Long> droppedCounts) { }

    private static Doc doc() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("missing_date", 2L);
        counts.put("bad_coordinates", 1L);
        return new Doc("a.csv", LocalDateTime.of(2023, 1, 2, 3, 4), Instant.parse("2024-05-06T07:08:09Z"), counts);
    }

    @Test
    void storedIsCompactSnakeCaseWithIsoTimesAndMapsInTheirOwnOrder() throws JsonProcessingException {
        assertEquals("{\"file_name\":\"a.csv\",\"first_occurred\":\"2023-01-02T03:04:00\","
                        + "\"created_at\":\"2024-05-06T07:08:09Z\",\"dropped_counts\":{\"missing_date\":2,\"bad_coordinates\":1}}",
                JsonMappers.stored().writeValueAsString(doc()));
    }

    @Test
    void outputIsTheSameDocumentIndented() throws JsonProcessingException {
        String printed = JsonMappers.output().writeValueAsString(doc());
        assertTrue(printed.startsWith("{\n  \"file_name\" : \"a.csv\","), printed);
        assertEquals(JsonMappers.stored().readTree(JsonMappers.stored().writeValueAsString(doc())),
                JsonMappers.output().readTree(printed));
    }

    @Test
    void readingIgnoresKeysAddedByALaterVersion() throws JsonProcessingException {
        Doc read = JsonMappers.stored().readValue("{\"file_name\":\"a.csv\",\"signed_by\":\"later\"}", Doc.class);
        assertEquals("a.csv", read.fileName());
    }

    @Test
    void theOldCamelCaseSetUpReadsCamelCaseKeys() throws JsonProcessingException {
        Doc read = JsonMappers.storedCamelCase().readValue("{\"fileName\":\"a.csv\",\"firstOccurred\":\"2023-01-02T03:04:00\"}",
                Doc.class);
        assertEquals(new Doc("a.csv", LocalDateTime.of(2023, 1, 2, 3, 4), null, null), read);
    }

    @Test
    void theSharedMappersAreBuiltOnce() {
        assertSame(JsonMappers.stored(), JsonMappers.stored());
        assertSame(JsonMappers.output(), JsonMappers.output());
        assertFalse(JsonMappers.stored() == JsonMappers.output());
    }
}
