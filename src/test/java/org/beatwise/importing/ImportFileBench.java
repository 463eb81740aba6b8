package org.beatwise.importing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.DatasetStore;
import org.beatwise.task.Progress;

/**
 * A manual measurement, not a test: one CSV file imported end to end (hash, parse, clean, store, commit)
 * into a fresh H2 data home, or into a PostgreSQL database given by URL, printing the wall time, the
 * process's CPU time, the heap pools' peak and the seconds after the last row was read (the loader's
 * tail and the commit). Args: the CSV (generated with seed 42 when missing), its row count, optionally a
 * JDBC URL ("h2" for a fresh H2 data home) and a number of runs (default 1; each imports the file into a
 * new dataset in the same JVM, so the first run shows a fresh process and the later ones a warm one). Unlike {@code bench --rows}, the file is generated once and reused, so runs compare.
 */
public final class ImportFileBench {

    private ImportFileBench() { }

    public static void main(String[] a) throws Exception {
        Path csv = Path.of(a[0]);
        if (!Files.exists(csv)) {
            SyntheticGenerator.write(GeneratorSettings.defaults(Long.parseLong(a[1])).withSeed(42), csv, Progress.NONE);
        }
        int runs = a.length > 3 ? Integer.parseInt(a[3]) : 1;
        Path home = Files.createTempDirectory("beatwise-import-bench");
        long[] lastRead = {0};
        Progress progress = new Progress() {
            @Override public void update(long done, long total, String message) {
                lastRead[0] = System.nanoTime();
            }
            @Override public boolean isCancelled() {
                return false;
            }
        };
        try (Database db = a.length > 2 && !a[2].equals("h2") ? Database.openShared(a[2], null, null) : Database.open(home)) {
            ImportService imports = new ImportService(new DatasetStore(db), new AuditStore(db, Clock.systemUTC()), Clock.systemUTC());
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int run = 1; run <= runs; run++) {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long cpu0 = os.getProcessCpuTime();
            long mainCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ImportResult r = imports.importFiles("bench", new ImportRequest(List.of(csv), "bench" + System.nanoTime(),
                    ImportOptions.defaults(), true), progress);
            long t1 = System.nanoTime();
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            // the calling thread parses: on a loaded machine its CPU time says more than the wall time
            long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpu0;
            System.out.printf("run %d, %s: %d rows (%d kept) in %.2f s = %d rows/s; after the last row read %.2f s; process CPU %.1f s"
                    + " (import thread %.1f s); heap peak %d MB%n", run, db.engine(), r.total().rowsRead(), r.total().rowsKept(),
                    (t1 - t0) / 1e9, Math.round(r.total().rowsRead() / ((t1 - t0) / 1e9)), (t1 - lastRead[0]) / 1e9, cpu / 1e9,
                    mainCpu / 1e9, peak >> 20);
            }
        } finally {
            try (var files = Files.walk(home)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
