package org.beatwise.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;

/** The place-profile figures are there and sane; their values are measured by the bench command, not here. */
class ProfileBenchPartTest {

    @Test
    void addsTheProfileFigures() throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        new ProfileBenchPart().measure(new BenchOptions(2000, null, 42), Progress.NONE, f);
        int rows = ((Number) f.get("profile_rows")).intValue();
        assertTrue(rows > 1900 && rows <= 2000, "the generator writes a few rows the reader drops: " + rows);
        for (String key : List.of("profile_index_s", "profile_ms", "profile_p95_ms")) {
            assertTrue(f.get(key) instanceof Number n && n.doubleValue() >= 0, key + " = " + f.get(key));
        }
        assertTrue(((Number) f.get("profile_p95_ms")).doubleValue() >= ((Number) f.get("profile_ms")).doubleValue());
        assertTrue(((Number) f.get("profile_mean_incidents")).longValue() > 0, "the places are picked among the incidents");
    }
}
