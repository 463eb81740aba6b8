package org.beatwise.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.task.Progress;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's model figures are there and sane; their values are measured by the bench command, not here. */
class ModelBenchPartTest {

    @TempDir
    Path home;

    @Test
    void addsTheModelFiguresOnlyWhenADatasetIsGiven() throws Exception {
        try (Services s = new Services(new DataHome(home), Clock.systemUTC())) {
            CrimeDemo.importInto(s, home.resolve("work"));
            Map<String, Object> none = new LinkedHashMap<>();
            new ModelBenchPart(s.datasets(), 500).measure(new BenchOptions(1000, null, 42), Progress.NONE, none);
            assertTrue(none.isEmpty());

            Map<String, Object> f = new LinkedHashMap<>();
            new ModelBenchPart(s.datasets(), 500).measure(new BenchOptions(1000, "demo", 42), Progress.NONE, f);
            for (String key : List.of("train_s", "train_again_s", "train_peak_heap_mb", "predict_p50_us", "predict_p99_us", "bundle_bytes", "load_ms")) {
                assertTrue(f.get(key) instanceof Number n && n.doubleValue() > 0, key + " = " + f.get(key));
            }
            assertTrue(((Number) f.get("predict_p99_us")).doubleValue() >= ((Number) f.get("predict_p50_us")).doubleValue());
            assertFalse(Files.exists(home.resolve("models")) && Files.list(home.resolve("models")).findAny().isPresent(),
                    "the bench never saves into the station's models");
            assertTrue(s.models().list().isEmpty());
        }
    }

    @Test
    void percentiles() {
        double[] v = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertEquals(5, ModelBenchPart.percentile(v, 0.5));
        assertEquals(10, ModelBenchPart.percentile(v, 0.99));
        assertEquals(1, ModelBenchPart.percentile(v, 0.0));
    }

    @Test
    void standardBenchRunsEveryPartOnTheGivenDataset() throws Exception {
        try (Services s = new Services(new DataHome(home), Clock.systemUTC())) {
            CrimeDemo.importInto(s, home.resolve("work"));
            Map<String, Object> f = Bench.standard("test-version", s.datasets()).run(new BenchOptions(1000, "demo", 42),
                    Progress.NONE);
            assertEquals("test-version", f.get("beatwise_version"));
            for (String key : List.of("import_rows_per_s", "train_s", "kmeans_s", "elbow_s")) {
                assertTrue(f.get(key) instanceof Number n && n.doubleValue() > 0, key + " = " + f.get(key));
            }
        }
    }
}
