package org.beatwise.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * A manual measurement, not a test: writes N generated incident rows through DatasetStore's writer in one
 * transaction and prints rows per second and this thread's CPU time. Args: a data home (H2) or a PostgreSQL
 * JDBC URL, and N. Seeded (42), so every run writes the same rows.
 */
public final class BulkLoadBench {

    private BulkLoadBench() { }

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[1]);
        Random rnd = new Random(42);
        IncidentRecord[] rows = new IncidentRecord[n];
        LocalDateTime t0 = LocalDateTime.of(2023, 1, 1, 0, 0);
        String[] off = {"LARCENY", "ASSAULT", "VANDALISM", "BURGLARY", "ROBBERY"};
        for (int i = 0; i < n; i++) {
            rows[i] = new IncidentRecord(0, i + 2, "SYN" + i, t0.plusMinutes(rnd.nextInt(1_000_000)), 42.3 + rnd.nextDouble() / 10,
                    -71.1 + rnd.nextDouble() / 10, off[i % 5], "0" + (600 + i % 5), "Larceny", "B2", "WASHINGTON ST", "" + (i % 900),
                    i % 50 == 0 ? Boolean.TRUE : null, "Part One", rnd.nextLong());
        }
        try (Database db = a[0].startsWith("jdbc:") ? Database.openShared(a[0], null, null) : Database.open(Path.of(a[0]))) {
            DatasetStore store = new DatasetStore(db);
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            store.write(w -> {
                w.openDataset("bench" + System.nanoTime(), true, "bench", Instant.now());
                long fileId = w.addFile("b.csv", 1, Instant.now(), "bench", null);
                for (IncidentRecord r : rows) {
                    w.insert(new IncidentRecord(fileId, r.sourceLine(), r.incidentId(), r.occurredAt(), r.lat(), r.lon(), r.offense(),
                            r.offenseCode(), r.offenseGroup(), r.district(), r.street(), r.reportingArea(), r.shooting(), r.ucrPart(), r.dedupeKey()));
                }
                w.finishDataset("", "{}", n, t0, t0, Instant.now());
                return null;
            });
            double s = (System.nanoTime() - start) / 1e9;
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("%s: %d rows in %.2f s wall = %.0f rows/s (client CPU %.2f s)%n", db.engine(), n, s, n / s, cpu);
        }
    }
}
