package org.beatwise.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.beatwise.task.Progress;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBenchPartTest {

    @TempDir
    Path dir;

    @Test
    void timesABriefingOnTheStoredDatasetAndLeavesNoSetBehind() throws Exception {
        try (Services s = TestHomes.fast(dir.resolve("home"), Clock.systemUTC())) {
            CrimeDemo.importInto(s, dir);
            Map<String, Object> figures = new LinkedHashMap<>();
            new ReportBenchPart(s.exports(), s.hotspots()).measure(new BenchOptions(1000, CrimeDemo.NAME, 42), Progress.NONE,
                    figures);
            assertTrue((double) figures.get("report_s") > 0, figures.toString());
            assertEquals(2, figures.get("report_pages"));
            assertTrue((long) figures.get("report_bytes") > 10_000, figures.toString());
            assertTrue(s.hotspots().list().isEmpty(), "the temporary set is deleted");

            Map<String, Object> none = new LinkedHashMap<>();
            new ReportBenchPart(s.exports(), s.hotspots()).measure(new BenchOptions(1000, null, 42), Progress.NONE, none);
            assertTrue(none.isEmpty(), "no dataset, no briefing");
        }
    }
}
