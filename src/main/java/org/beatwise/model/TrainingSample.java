package org.beatwise.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.beatwise.domain.Incident;
import org.beatwise.settings.TrainingSampleSettings;

/**
 * How many rows training reads at most: a dataset larger than {@code maxRows} is trained on a seeded
 * uniform sample of it, drawn while the rows stream from the database, so a dataset of millions never
 * sits whole in the heap. The station's limit is {@link TrainingSampleSettings} ({@code training.sample_rows}).
 *
 * <p>The split stays honest: the earliest and the latest incident are always kept, so the sample spans
 * the same time as the dataset and a temporal split puts its cut at the same moment. Every sampled
 * training row is then a training row of the whole dataset and every sampled test row a test row of
 * it, each part sampled at the same rate (a stratified split also sees a uniform sample of every class).
 *
 * @param maxRows at most this many rows are trained on
 * @param seed    drives which rows are kept
 */
public record TrainingSample(int maxRows, long seed) {

    public TrainingSample {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
        }
    }

    /** The station's limit with the default seed (42). */
    public static TrainingSample of(TrainingSampleSettings settings) {
        return new TrainingSample(settings.sampleRows(), TrainingSettings.DEFAULT_SEED);
    }

    /**
     * What was trained on: {@code rows} sampled from {@code datasetRows} (equal when the dataset was
     * not larger than the limit), recorded in the model's metadata.
     */
    public record Drawn(List<Incident> rows, DataSample sample) { }

    /**
     * Reads the incidents {@code feed} hands over and keeps all of them, or a sample of {@code maxRows}
     * (reservoir sampling, Algorithm R, with this seed) when there are more, in import order.
     */
    public Drawn draw(Consumer<Consumer<Incident>> feed) {
        Random random = new Random(seed);
        Incident[] kept = new Incident[maxRows];
        long[] order = new long[maxRows];
        long[] seen = {0};
        Incident[] ends = new Incident[2];
        long[] endOrder = new long[2];
        feed.accept(incident -> {
            long n = seen[0]++;
            if (ends[0] == null || incident.occurredAt().isBefore(ends[0].occurredAt())) {
                ends[0] = incident;
                endOrder[0] = n;
            }
            if (ends[1] == null || !incident.occurredAt().isBefore(ends[1].occurredAt())) {
                ends[1] = incident;
                endOrder[1] = n;
            }
            if (n < maxRows) {
                kept[(int) n] = incident;
                order[(int) n] = n;
            } else {
                long j = (long) (random.nextDouble() * (n + 1));
                if (j < maxRows) {
                    kept[(int) j] = incident;
                    order[(int) j] = n;
                }
            }
        });
        long total = seen[0];
        int size = (int) Math.min(total, maxRows);
        if (total > maxRows) {
            keepEnds(kept, order, ends, endOrder, random);
        }
        Integer[] byOrder = new Integer[size];
        for (int i = 0; i < size; i++) {
            byOrder[i] = i;
        }
        Arrays.sort(byOrder, (a, b) -> Long.compare(order[a], order[b]));
        List<Incident> rows = new ArrayList<>(size);
        for (Integer i : byOrder) {
            rows.add(kept[i]);
        }
        LocalDateTime first = ends[0] == null ? null : ends[0].occurredAt();
        LocalDateTime last = ends[1] == null ? null : ends[1].occurredAt();
        return new Drawn(rows, new DataSample(total, size, total > maxRows, seed, first == null ? null : first.toString(),
                last == null ? null : last.toString()));
    }

    /** Puts the dataset's earliest and latest incident into the sample (over two random others) if it lacks them. */
    private static void keepEnds(Incident[] kept, long[] order, Incident[] ends, long[] endOrder, Random random) {
        int protectedSlot = -1;
        for (int e = 0; e < 2; e++) {
            int at = -1;
            for (int i = 0; i < order.length && at < 0; i++) {
                if (order[i] == endOrder[e]) {
                    at = i;
                }
            }
            if (at < 0) {
                do {
                    at = random.nextInt(kept.length);
                } while (at == protectedSlot);
                kept[at] = ends[e];
                order[at] = endOrder[e];
            }
            protectedSlot = at;
        }
    }
}
