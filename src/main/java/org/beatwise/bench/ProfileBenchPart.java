package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.beatwise.domain.Incident;
import org.beatwise.importing.DuplicateFilter;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.IncidentReader;
import org.beatwise.profile.PlaceIndex;
import org.beatwise.task.Progress;

/**
 * Place-profile figures on {@code rows} generated incidents (the import figures' size, 1,000,000 by
 * default; seeded, read by the real reader from a temporary folder deleted afterwards):
 * {@code profile_index_s} builds the spatial index once; {@code profile_ms} is the median time of a
 * 250 m profile over the whole period at {@value #QUERIES} places picked among the incidents (seeded),
 * after {@value #WARM_UP} warm-up queries; {@code profile_p95_ms} its 95th percentile.
 */
final class ProfileBenchPart implements BenchPart {

    static final int QUERIES = 200;
    static final int WARM_UP = 30;
    static final double RADIUS_M = 250;

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures) throws IOException {
        progress.update(0, 1, "profile: generating " + options.rows() + " incidents");
        List<Incident> incidents = new ArrayList<>();
        List<String> streets = new ArrayList<>();
        read(options, incidents, streets);
        progress.update(0, 1, "profile: building the index");
        long t = System.nanoTime();
        PlaceIndex index = PlaceIndex.build(incidents, streets);
        figures.put("profile_rows", index.size());
        figures.put("profile_index_s", Math.round((System.nanoTime() - t) / 1e6) / 1000.0);
        progress.checkCancelled();
        progress.update(0, 1, "profile: " + QUERIES + " queries of " + (int) RADIUS_M + " m");
        Random random = new Random(options.seed());
        long found = 0;
        for (int i = 0; i < WARM_UP; i++) {
            Incident at = incidents.get(random.nextInt(incidents.size()));
            found += index.profile("bench", at.lat(), at.lon(), RADIUS_M, null, null).incidents();
        }
        double[] ms = new double[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            Incident at = incidents.get(random.nextInt(incidents.size()));
            long s = System.nanoTime();
            found += index.profile("bench", at.lat(), at.lon(), RADIUS_M, null, null).incidents();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        figures.put("profile_ms", Math.round(ms[QUERIES / 2] * 100) / 100.0);
        figures.put("profile_p95_ms", Math.round(ms[(int) (QUERIES * 0.95)] * 100) / 100.0);
        figures.put("profile_mean_incidents", found / (QUERIES + WARM_UP));
    }

    private static void read(BenchOptions options, List<Incident> incidents, List<String> streets) throws IOException {
        Path dir = Files.createTempDirectory("beatwise-bench-profile");
        Path csv = dir.resolve("profile.csv");
        try {
            org.beatwise.importing.SyntheticGenerator.write(GeneratorSettings.defaults(options.rows()).withSeed(options.seed()),
                    csv, Progress.NONE);
            new IncidentReader(ImportOptions.defaults()).read(csv, DuplicateFilter.empty(), r -> {
                incidents.add(r.incident());
                streets.add(r.street());
            }, Progress.NONE);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
    }
}
