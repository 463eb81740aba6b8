package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beatwise.domain.Actor;
import org.beatwise.domain.IncidentColumns;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.hotspot.MethodChoice;
import org.beatwise.hotspot.RadiusRule;
import org.beatwise.importing.DatasetService;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.ImportResult;
import org.beatwise.importing.ImportService;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.model.RandomForestTrainer;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingData;
import org.beatwise.model.TrainingSample;
import org.beatwise.model.TrainingSettings;
import org.beatwise.task.Progress;

/**
 * The scale step on one engine (H2 or the shared PostgreSQL the station uses): {@code rows} generated
 * incidents imported as a throw-away dataset, then listed (streamed from the database and counted),
 * exported as CSV, clustered (K-Means, coverage circles) and trained on (through the station's training
 * sample), each with its time and the heap's peak; the dataset is deleted afterwards. Figures are
 * prefixed {@code scale_} and {@code engine} names the database.
 */
public final class ScaleBenchPart implements BenchPart {

    static final ThrowAwayNames THROW_AWAY = new ThrowAwayNames("bench-scale-");
    private static final String HOST = ThrowAwayNames.thisHost();

    private final String engine;
    private final ImportService imports;
    private final DatasetService datasets;
    private final TrainingSample sample;
    private final Actor actor;

    public ScaleBenchPart(String engine, ImportService imports, DatasetService datasets, TrainingSample sample, Actor actor) {
        this.engine = engine;
        this.imports = imports;
        this.datasets = datasets;
        this.sample = sample;
        this.actor = actor;
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> collected) throws Exception {
        // each figure is also reported as it is taken: a run of hours that fails late still shows what it measured
        Map<String, Object> figures = new java.util.AbstractMap<>() {
            @Override public Object put(String key, Object value) {
                progress.update(1, 1, "scale figure: " + key + " = " + value);
                return collected.put(key, value);
            }
            @Override public java.util.Set<Map.Entry<String, Object>> entrySet() {
                return collected.entrySet();
            }
        };
        figures.put("engine", engine);
        removeLeftBehind(progress);
        Path dir = Files.createTempDirectory("beatwise-bench-scale");
        String dataset = THROW_AWAY.name(HOST, ProcessHandle.current().pid(), System.nanoTime());
        try {
            Path csv = dir.resolve("scale.csv");
            progress.update(0, 1, "scale: generating " + options.rows() + " incidents");
            SyntheticGenerator.write(GeneratorSettings.defaults(options.rows()).withSeed(options.seed()), csv, progress);
            figures.put("scale_file_mb", Math.round(Files.size(csv) / 1e5) / 10.0);

            HeapPeaks.reset();
            long t = System.nanoTime();
            ImportResult r = imports.importFiles(actor.name(), new ImportRequest(List.of(csv), dataset, ImportOptions.defaults(),
                    true), progress);
            double s = seconds(t);
            figures.put("scale_import_rows", r.total().rowsRead());
            figures.put("scale_import_rows_kept", r.total().rowsKept());
            figures.put("scale_import_s", round(s));
            figures.put("scale_import_rows_per_s", Math.round(r.total().rowsRead() / s));
            figures.put("scale_import_peak_heap_mb", HeapPeaks.megabytes());
            Files.delete(csv);

            progress.update(0, 1, "scale: listing (streaming every incident)");
            HeapPeaks.reset();
            long[] count = {0};
            t = System.nanoTime();
            datasets.forEach(dataset, i -> count[0]++);
            s = seconds(t);
            figures.put("scale_list_rows", count[0]);
            figures.put("scale_list_s", round(s));
            figures.put("scale_list_rows_per_s", Math.round(count[0] / s));
            figures.put("scale_list_peak_heap_mb", HeapPeaks.megabytes());

            progress.update(0, 1, "scale: exporting as CSV");
            HeapPeaks.reset();
            Path out = dir.resolve("export.csv");
            t = System.nanoTime();
            int exported = datasets.exportDataset(actor.name(), dataset, out);
            figures.put("scale_export_rows", exported);
            figures.put("scale_export_s", round(seconds(t)));
            figures.put("scale_export_mb", Math.round(Files.size(out) / 1e5) / 10.0);
            figures.put("scale_export_peak_heap_mb", HeapPeaks.megabytes());
            Files.delete(out);

            progress.update(0, 1, "scale: training on the station's sample");
            HeapPeaks.reset();
            t = System.nanoTime();
            TrainingSample.Drawn drawn = sample.draw(sink -> datasets.forEach(dataset, sink));
            figures.put("scale_train_sample_rows", drawn.rows().size());
            figures.put("scale_train_sample_s", round(seconds(t)));
            TrainedModel model = new RandomForestTrainer().train(new TrainingData(dataset, drawn.rows(), actor.name()),
                    TrainingSettings.defaults(), progress);
            drawn = null; // the rows may go before the hotspot steps
            figures.put("scale_train_s", round(seconds(t)));
            figures.put("scale_train_test_rows", model.metadata().evaluation().nTest());
            figures.put("scale_train_peak_heap_mb", HeapPeaks.megabytes());
            model = null;

            progress.update(0, 1, "scale: reading every incident for the hotspot methods");
            HeapPeaks.reset();
            t = System.nanoTime();
            // as columns (about 47 bytes an incident, not 200): 5,000,000 incidents as objects fill a 1 GB heap alone
            IncidentColumns.Builder columns = IncidentColumns.builder((int) Math.min(count[0], Integer.MAX_VALUE - 8));
            datasets.forEach(dataset, columns);
            IncidentColumns all = columns.build();
            columns = null;
            figures.put("scale_hotspot_read_s", round(seconds(t)));
            HotspotFinder finder = new HotspotFinder();
            HotspotSettings kmeans = HotspotSettings.defaults().withMethod(MethodChoice.KMEANS).withSeed((int) options.seed())
                    .withBacktest(null);
            progress.update(0, 1, "scale: K-Means on " + all.size() + " incidents");
            t = System.nanoTime();
            finder.find(all, kmeans, Progress.NONE);
            figures.put("scale_kmeans_s", round(seconds(t)));
            progress.update(0, 1, "scale: coverage circles on " + all.size() + " incidents");
            HotspotSettings coverage = kmeans.withMethod(MethodChoice.COVERAGE)
                    .withRadius(new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M));
            t = System.nanoTime();
            finder.run(all, coverage, List.of(), Progress.NONE);
            figures.put("scale_coverage_s", round(seconds(t)));
            figures.put("scale_hotspot_peak_heap_mb", HeapPeaks.megabytes());
        } finally {
            datasets.deleteDataset(actor, dataset);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    /**
     * Deletes the throw-away datasets of scale runs on this host whose process is gone: a run stopped by
     * a signal cannot delete its own (a shutdown hook would race the import's open transaction), so the
     * next run does. Another host's runs on a shared database are never touched, running or not.
     */
    private void removeLeftBehind(Progress progress) {
        for (String name : THROW_AWAY.leftBehind(datasets.datasetNames(), HOST, pid -> ProcessHandle.of(pid).isPresent())) {
            progress.update(0, 1, "scale: deleting '" + name + "', left behind by a stopped run");
            datasets.deleteDataset(actor, name);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
