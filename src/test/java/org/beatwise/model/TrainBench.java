package org.beatwise.model;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.importing.DatasetService;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.DatasetStore;
import org.beatwise.task.Progress;

/**
 * A manual measurement, not a test: trains the default model on a stored dataset several times in one
 * JVM and prints, per training, the wall time, the process's CPU time during it, the heap pools' peak
 * and the held-out figures (which must not change). Args: data home, dataset name, trainings (default 3).
 * {@code -Dbench.draw=N} first draws the rows as {@code ModelService} does ({@link TrainingSample} of at most N
 * rows, seed 42), so the training reads the sample's column store instead of a plain list.
 */
public final class TrainBench {

    private TrainBench() { }

    public static void main(String[] a) throws Exception {
        Path home = Path.of(a[0]);
        int runs = a.length > 2 ? Integer.parseInt(a[2]) : 3;
        WekaRuntime.prepare(home.resolve("weka")); // as Services does: no Weka packages, no netlib probing
        List<Incident> rows;
        try (Database db = Database.open(home)) {
            rows = new DatasetService(new DatasetStore(db), new AuditStore(db, Clock.systemUTC())).incidents(a[1]);
        }
        int draw = Integer.getInteger("bench.draw", 0);
        if (draw > 0) {
            List<Incident> all = rows;
            TrainingSample.Drawn drawn = new TrainingSample(draw, TrainingSettings.DEFAULT_SEED).draw(all::forEach);
            rows = drawn.rows();
            System.out.println("drawn " + drawn.sample() + " as " + rows.getClass().getSimpleName());
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long[] phase = {t0};
            String[] last = {""};
            boolean phases = Boolean.getBoolean("bench.phases");
            Progress progress = new Progress() {
                @Override public void update(long done, long total, String message) {
                    String head = message.replaceAll("[0-9,]+", "#");
                    if (phases && !head.equals(last[0])) {
                        long now = System.nanoTime();
                        System.out.printf("  %6.0f ms  %s%n", (now - phase[0]) / 1e6, message);
                        last[0] = head;
                    }
                }
                @Override public boolean isCancelled() {
                    return false;
                }
            };
            TrainedModel m = new RandomForestTrainer().train(new TrainingData(a[1], rows, "bench"), TrainingSettings.defaults(),
                    progress);
            if (phases) {
                System.out.printf("  %6.0f ms  end%n", (System.nanoTime() - t0) / 1e6);
            }
            long t1 = System.nanoTime();
            if (Boolean.getBoolean("bench.epoch")) {
                System.out.println("epoch " + (System.currentTimeMillis() - (t1 - t0) / 1_000_000) + " " + System.currentTimeMillis());
            }
            long cpu1 = os.getProcessCpuTime();
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            Evaluation e = m.metadata().evaluation();
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            try (var out = new java.io.ObjectOutputStream(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md))) {
                out.writeObject(m.predictor().forest().trees());
            }
            String trees = java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
            System.out.printf("run %d: wall %.3f s, CPU %.3f s, heap peak %d MB; acc %.6f top3 %.6f logloss %.6f raw %.6f w %.6f train %d test %d trainacc %.6f trees %s%n",
                    run, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, peak >> 20, e.model().scores().accuracy(), e.model().scores().top3Accuracy(),
                    e.model().scores().logLoss(), e.forestOnly().logLoss(), e.blendWeight(), e.nTrain(), e.nTest(), e.trainAccuracy(), trees);
        }
    }
}
