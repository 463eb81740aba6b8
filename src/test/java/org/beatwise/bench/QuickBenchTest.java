package org.beatwise.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --quick}: every hot path's figure is there, measured on generated data, never on a
 * station's dataset. (Its speed is what the command measures; here a smaller data set keeps the test fast.)
 */
class QuickBenchTest {

    @Test
    void measuresImportTrainPredictAndHotspotsOnGeneratedData() throws Exception {
        QuickData data = new QuickData(42, 3000);
        Bench bench = new Bench("test-version", List.of(new ImportBenchPart(), new ModelBenchPart(data, 500),
                new QuickHotspotBenchPart(data)));
        Map<String, Object> f = bench.run(new BenchOptions(2000, null, 42, true), Progress.NONE);

        assertEquals(true, f.get("quick"));
        assertEquals(2000L, ((Number) f.get("import_rows")).longValue());
        for (String key : List.of("import_rows_per_s", "import_peak_heap_mb", "train_s", "train_peak_heap_mb",
                "predict_p50_us", "kmeans_s", "coverage_s")) {
            assertTrue(f.get(key) instanceof Number n && n.doubleValue() > 0, key + " = " + f.get(key));
        }
        // the parts read the generated rows (a few bad rows of the generator are dropped by the reader)
        int rows = data.incidents(QuickData.DATASET).size();
        assertTrue(rows > 2900 && rows <= 3000, "quick rows " + rows);
        assertEquals(rows, ((Number) f.get("kmeans_rows")).intValue());
        assertSame(data.incidents(QuickData.DATASET), data.incidents("anything"), "generated once");
    }

    @Test
    void quickRefusesAStationDataset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenchOptions(2000, "mattapan", 42, true));
        assertTrue(e.getMessage().contains("--dataset 'mattapan'"), e.getMessage());
    }
}
