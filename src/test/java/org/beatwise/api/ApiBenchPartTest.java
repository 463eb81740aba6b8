package org.beatwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.bench.BenchOptions;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;

class ApiBenchPartTest {

    @Test
    void measuresThePredictionsAndTheClientsFloorAtEachNumberOfClients() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        new ApiBenchPart(40, 10, 1, 4).measure(new BenchOptions(BenchOptions.QUICK_ROWS, null, 42, true), Progress.NONE, figures);
        for (String kind : List.of("api_predict_c", "api_floor_c")) {
            for (int c : new int[] {1, 4}) {
                double p50 = ((Number) figures.get(kind + c + "_p50_ms")).doubleValue();
                double p99 = ((Number) figures.get(kind + c + "_p99_ms")).doubleValue();
                assertTrue(p50 > 0 && p50 <= p99, kind + c + ": " + figures);
                assertTrue(((Number) figures.get(kind + c + "_rps")).longValue() > 0, kind + c + ": " + figures);
            }
        }
        assertEquals(12, figures.size(), "three figures a kind and number of clients, nothing else: " + figures);
    }
}
