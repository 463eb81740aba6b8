package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.beatwise.importing.DuplicateFilter;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.ImportResult;
import org.beatwise.importing.ImportService;
import org.beatwise.importing.IncidentReader;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.DatasetStore;
import org.beatwise.task.Progress;

/**
 * Import speed: a generated file of {@code rows} rows imported into a fresh database in a temporary
 * folder (never the station's own), end to end (detect, parse, clean, insert, commit). Also reports
 * the reading and cleaning alone, so that the share of the database is visible.
 */
public final class ImportBenchPart implements BenchPart {

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures)
            throws Exception {
        Path dir = Files.createTempDirectory("beatwise-bench-import");
        try {
            Path csv = dir.resolve("bench.csv");
            SyntheticGenerator.write(GeneratorSettings.defaults(options.rows()).withSeed(options.seed()), csv, progress);
            figures.put("import_file_mb", Math.round(Files.size(csv) / 1e5) / 10.0);

            HeapPeaks.reset();
            try (Database db = Database.open(dir.resolve("home"))) {
                ImportService imports = new ImportService(new DatasetStore(db),
                        new AuditStore(db, Clock.systemUTC()), Clock.systemUTC());
                long t1 = System.nanoTime();
                ImportResult r = imports.importFiles("bench", new ImportRequest(List.of(csv), "bench",
                        ImportOptions.defaults(), true), progress);
                double seconds = (System.nanoTime() - t1) / 1e9;
                figures.put("import_rows", r.total().rowsRead());
                figures.put("import_rows_kept", r.total().rowsKept());
                figures.put("import_seconds", Math.round(seconds * 100) / 100.0);
                figures.put("import_rows_per_s", Math.round(r.total().rowsRead() / seconds));
                figures.put("import_peak_heap_mb", HeapPeaks.megabytes());
            }
            // afterwards, so that the end-to-end figure above is not flattered by a JIT warmed up here
            System.gc();
            long t0 = System.nanoTime();
            long[] kept = {0};
            new IncidentReader(ImportOptions.defaults()).read(csv, DuplicateFilter.empty(), r -> kept[0]++, progress);
            double parseSeconds = (System.nanoTime() - t0) / 1e9;
            figures.put("import_parse_only_rows_per_s", Math.round(options.rows() / parseSeconds));

        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
