package org.beatwise.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.importing.DuplicateFilter;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.IncidentReader;
import org.beatwise.importing.SyntheticGenerator;
import org.beatwise.task.Progress;

/**
 * The small generated dataset {@code bench --quick} trains and finds hotspots on: the same rows on every
 * machine and commit (seeded), read by the real reader, made once on first use and never stored.
 */
final class QuickData implements IncidentSource {

    /** Name the quick parts ask for; the station's datasets are never read. */
    static final String DATASET = "quick-synthetic";
    static final int ROWS = 20_000;

    private final long seed;
    private final int size;
    private List<Incident> rows;

    QuickData(long seed, int size) {
        this.seed = seed;
        this.size = size;
    }

    @Override
    public synchronized List<Incident> incidents(String dataset) {
        if (rows == null) {
            rows = generate();
        }
        return rows;
    }

    private List<Incident> generate() {
        try {
            Path dir = Files.createTempDirectory("beatwise-bench-quick");
            Path csv = dir.resolve("quick.csv");
            try {
                SyntheticGenerator.write(GeneratorSettings.defaults(size).withSeed(seed), csv, Progress.NONE);
                List<Incident> out = new ArrayList<>();
                new IncidentReader(ImportOptions.defaults()).read(csv, DuplicateFilter.empty(), r -> out.add(r.incident()),
                        Progress.NONE);
                return List.copyOf(out);
            } finally {
                Files.deleteIfExists(csv);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quick bench data: " + e.getMessage(), e);
        }
    }
}
