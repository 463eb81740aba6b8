package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.features.Query;
import org.beatwise.model.ModelBundle;
import org.beatwise.model.Predictor;
import org.beatwise.model.RandomForestTrainer;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingData;
import org.beatwise.model.TrainingSettings;
import org.beatwise.task.Progress;

/**
 * The crime-type model's figures on a stored dataset with the default settings: training time (the
 * first training in this JVM, and the same once more) and peak heap, the latency of one prediction at
 * a time after warm-up, the bundle's size and how long it takes to load in this JVM. The model is
 * written to a temporary directory, never to the station's models.
 */
public final class ModelBenchPart implements BenchPart {

    static final int WARM_UP = 5_000;
    static final int PREDICTIONS = 20_000;
    static final int QUICK_PREDICTIONS = 5_000;
    static final int LOADS = 5;

    private final int predictions;

    private final IncidentSource source;

    public ModelBenchPart(IncidentSource incidents) {
        this(incidents, PREDICTIONS);
    }

    ModelBenchPart(IncidentSource incidents, int predictions) {
        this.source = incidents;
        this.predictions = predictions;
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures)
            throws Exception {
        if (options.dataset() == null) {
            return;
        }
        List<Incident> rows = source.incidents(options.dataset());
        TrainingSettings settings = TrainingSettings.defaults();

        HeapPeaks.reset();
        long started = System.nanoTime();
        TrainedModel model = new RandomForestTrainer().train(new TrainingData(options.dataset(), rows, "bench"), settings,
                progress);
        figures.put("train_s", round((System.nanoTime() - started) / 1e9, 2));
        figures.put("train_peak_heap_mb", HeapPeaks.megabytes());
        // the same training again in this JVM: the first pays for compiling the trainer (about half of it on
        // two cores), so this one is what a change to the training code moves, with less noise
        started = System.nanoTime();
        new RandomForestTrainer().train(new TrainingData(options.dataset(), rows, "bench"), settings, progress);
        figures.put("train_again_s", round((System.nanoTime() - started) / 1e9, 2));
        figures.put("model_classes", model.predictor().classes().size());
        figures.put("model_train_rows", model.metadata().evaluation().nTrain());
        figures.put("model_test_rows", model.metadata().evaluation().nTest());

        progress.update(0, 1, "timing " + predictions + " predictions, one at a time");
        double[] micros = latencies(model.predictor(), testQueries(rows, model.metadata().data().testFrom()));
        figures.put("predict_p50_us", round(percentile(micros, 0.50), 1));
        figures.put("predict_p99_us", round(percentile(micros, 0.99), 1));

        Path dir = Files.createTempDirectory("beatwise-bench-model");
        try {
            Path file = dir.resolve("bench" + ModelBundle.EXTENSION);
            ModelBundle.write(model, file);
            figures.put("bundle_bytes", Files.size(file));
            double[] loads = new double[LOADS];
            for (int i = 0; i < LOADS; i++) {
                progress.checkCancelled();
                long t = System.nanoTime();
                ModelBundle.read(file);
                loads[i] = (System.nanoTime() - t) / 1e6;
            }
            figures.put("load_ms", round(loads[0], 1));
            figures.put("load_ms_again", round(percentile(Arrays.copyOfRange(loads, 1, LOADS), 0.5), 1));
        } finally {
            deleteTree(dir);
        }
    }

    /** The test period's rows (the default split is temporal), or all rows if that bound is unknown. */
    static List<Query> testQueries(List<Incident> rows, String testFrom) {
        LocalDateTime from = testFrom == null ? LocalDateTime.MIN : LocalDateTime.parse(testFrom);
        List<Query> test = rows.stream().filter(r -> !r.occurredAt().isBefore(from)).map(Query::of).toList();
        return test.isEmpty() ? rows.stream().map(Query::of).toList() : test;
    }

    /** Microseconds per {@link Predictor#predict} call (ranked classes, as the UI and CLI ask), after warm-up. */
    double[] latencies(Predictor predictor, List<Query> queries) {
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += predictor.predict(queries.get(i % queries.size())).ranked().size();
        }
        double[] micros = new double[predictions];
        for (int i = 0; i < predictions; i++) {
            Query q = queries.get(i % queries.size());
            long t = System.nanoTime();
            sink += predictor.predict(q).ranked().size();
            micros[i] = (System.nanoTime() - t) / 1e3;
        }
        if (sink == 42) {
            micros[0] += 0; // keeps the JIT from dropping the calls
        }
        return micros;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
