package org.beatwise.model;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentColumns;
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
        // the reservoir as columns, not objects (a sample of 1,000,000 Incident objects was most of a 1 GB heap)
        int firstRoom = Math.min(maxRows, 1024);
        IncidentColumns.Builder kept = IncidentColumns.builder(firstRoom).atMost(maxRows).withSourceLines();
        StreamPositions positions = new StreamPositions(firstRoom, maxRows);
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
                kept.add(incident);
                positions.set((int) n, n);
            } else {
                long j = (long) (random.nextDouble() * (n + 1));
                if (j < maxRows) {
                    kept.set((int) j, incident);
                    positions.set((int) j, n);
                }
            }
        });
        long total = seen[0];
        int size = (int) Math.min(total, maxRows);
        if (total > maxRows) {
            keepEnds(kept, positions, ends, endOrder, random);
        }
        IncidentColumns rows = kept.build().reordered(byOrder(positions.at, size));
        LocalDateTime first = ends[0] == null ? null : ends[0].occurredAt();
        LocalDateTime last = ends[1] == null ? null : ends[1].occurredAt();
        return new Drawn(rows, new DataSample(total, size, total > maxRows, seed, first == null ? null : first.toString(),
                last == null ? null : last.toString()));
    }

    /** Where each reservoir slot's incident came in the stream, grown as slots are first used. */
    private static final class StreamPositions {
        private final int maxSlots;
        private long[] at;

        StreamPositions(int room, int maxSlots) {
            this.maxSlots = maxSlots;
            at = new long[room];
        }

        void set(int slot, long position) {
            if (slot >= at.length) {
                at = Arrays.copyOf(at, (int) Math.min(maxSlots, Math.max(slot + 1L, at.length + (at.length >> 1))));
            }
            at[slot] = position;
        }
    }

    /** The slots 0 … size − 1 in ascending order of {@code order} (all distinct): a merge sort of slot numbers. */
    private static int[] byOrder(long[] order, int size) {
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
            slots[i] = i;
        }
        int[] buffer = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, size);
                if (order[slots[mid - 1]] < order[slots[mid]]) {
                    continue; // already in order
                }
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    buffer[k++] = order[slots[a]] < order[slots[b]] ? slots[a++] : slots[b++];
                }
                while (a < mid) {
                    buffer[k++] = slots[a++];
                }
                while (b < hi) {
                    buffer[k++] = slots[b++];
                }
                System.arraycopy(buffer, lo, slots, lo, hi - lo);
            }
        }
        return slots;
    }

    /** Puts the dataset's earliest and latest incident into the sample (over two random others) if it lacks them. */
    private void keepEnds(IncidentColumns.Builder kept, StreamPositions positions, Incident[] ends, long[] endOrder,
                          Random random) {
        int protectedSlot = -1;
        for (int e = 0; e < 2; e++) {
            int at = -1;
            for (int i = 0; i < maxRows && at < 0; i++) {
                if (positions.at[i] == endOrder[e]) {
                    at = i;
                }
            }
            if (at < 0) {
                do {
                    at = random.nextInt(maxRows);
                } while (at == protectedSlot);
                kept.set(at, ends[e]);
                positions.set(at, endOrder[e]);
            }
            protectedSlot = at;
        }
    }
}
