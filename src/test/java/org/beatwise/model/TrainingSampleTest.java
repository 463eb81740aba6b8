package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.junit.jupiter.api.Test;

class TrainingSampleTest {

    private static List<Incident> rows(int n) {
        List<Incident> out = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            // shuffled times, so the earliest and latest incident sit in the middle of the stream
            long minutes = (i * 7919L) % n;
            out.add(new Incident("I" + i, start.plusMinutes(minutes * 10), 42.3, -71.0, "O", "1", "G", "D", i + 2));
        }
        return out;
    }

    @Test
    void aSmallDatasetIsKeptWholeInOrder() {
        List<Incident> all = rows(500);
        TrainingSample.Drawn d = new TrainingSample(1_000, 42).draw(all::forEach);
        assertEquals(all, d.rows());
        assertFalse(d.sample().sampled());
        assertEquals(500, d.sample().datasetRows());
    }

    @Test
    void aLargeDatasetIsSampledUniformlyInImportOrderWithItsEndsKept() {
        List<Incident> all = rows(50_000);
        TrainingSample.Drawn d = new TrainingSample(5_000, 42).draw(all::forEach);
        assertEquals(5_000, d.rows().size());
        assertTrue(d.sample().sampled());
        assertEquals(50_000, d.sample().datasetRows());
        // import order kept
        for (int i = 1; i < d.rows().size(); i++) {
            assertTrue(d.rows().get(i).sourceLine() > d.rows().get(i - 1).sourceLine());
        }
        // the same time span: a temporal split cuts the sample where it cuts the dataset
        LocalDateTime min = all.stream().map(Incident::occurredAt).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime max = all.stream().map(Incident::occurredAt).max(LocalDateTime::compareTo).orElseThrow();
        assertEquals(min, d.rows().stream().map(Incident::occurredAt).min(LocalDateTime::compareTo).orElseThrow());
        assertEquals(max, d.rows().stream().map(Incident::occurredAt).max(LocalDateTime::compareTo).orElseThrow());
        assertEquals(min.toString(), d.sample().firstOccurred());
        // the last fifth of the time holds about a fifth of the sample, as of the dataset (binomial sd ~ 28)
        LocalDateTime cut = min.plusSeconds((long) (0.8 * java.time.Duration.between(min, max).getSeconds()));
        long late = d.rows().stream().filter(r -> !r.occurredAt().isBefore(cut)).count();
        assertTrue(Math.abs(late - 1_000) < 120, "late rows in the sample: " + late);
        // seeded: the same sample again, another with another seed
        assertEquals(d.rows(), new TrainingSample(5_000, 42).draw(all::forEach).rows());
        assertFalse(d.rows().equals(new TrainingSample(5_000, 7).draw(all::forEach).rows()));
    }
}
