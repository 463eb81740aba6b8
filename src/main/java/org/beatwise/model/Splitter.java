package org.beatwise.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Divides rows into a training and a test part. Both kinds are deterministic: the same rows, labels
 * and seed always give the same parts, and no row is ever in both.
 */
public final class Splitter {

    /** Row indices of each part, ascending. */
    public record Parts(int[] train, int[] test) { }

    private Splitter() { }

    /**
     * Splits the rows named by {@code rows} (indices into {@code times} and {@code labels}).
     *
     * <ul>
     *   <li>TEMPORAL: a row is a test row when it lies in the last {@code testFraction} of the time
     *       span from the earliest to the latest row, so every test row is later than every training
     *       row (rows at the same minute always fall on the same side).</li>
     *   <li>STRATIFIED: within each class, a seeded shuffle puts round(testFraction × class size) rows
     *       in the test part. Classes are visited in label order so the result does not depend on
     *       row order.</li>
     * </ul>
     */
    public static Parts split(Split kind, int[] rows, List<LocalDateTime> times, List<String> labels,
                              int seed, double testFraction) {
        long[] seconds = new long[times.size()];
        for (int r : rows) {
            seconds[r] = seconds(times.get(r));
        }
        return split(kind, rows, seconds, labels, seed, testFraction);
    }

    /** As {@link #split(Split, int[], List, List, int, double)}, each row's time given as epoch seconds of its wall-clock time. */
    public static Parts split(Split kind, int[] rows, long[] seconds, List<String> labels, int seed, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be between 0 and 1, was " + testFraction);
        }
        Parts parts = switch (kind) {
            case TEMPORAL -> temporal(rows, seconds, testFraction);
            case STRATIFIED -> stratified(rows, labels, seed, testFraction);
        };
        if (parts.train.length == 0 || parts.test.length == 0) {
            throw new IllegalArgumentException("cannot split " + rows.length + " rows " + kind.key()
                    + "ly into two non-empty parts; the data set is too small or covers a single moment");
        }
        return parts;
    }

    private static Parts temporal(int[] rows, long[] seconds, double testFraction) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int nTest = 0;
        for (int r : rows) {
            long t = seconds[r];
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        double cutoff = max - testFraction * (max - min);
        for (int r : rows) {
            if (seconds[r] >= cutoff) {
                nTest++;
            }
        }
        int[] train = new int[rows.length - nTest];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int r : rows) {
            if (seconds[r] < cutoff) {
                train[a++] = r;
            } else {
                test[b++] = r;
            }
        }
        Arrays.sort(train);
        Arrays.sort(test);
        if (max == min) {
            return new Parts(new int[0], test);
        }
        return new Parts(train, test);
    }

    private static Parts stratified(int[] rows, List<String> labels, int seed, double testFraction) {
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int r : rows) {
            byClass.computeIfAbsent(labels.get(r), k -> new ArrayList<>()).add(r);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            Collections.sort(members);
            Collections.shuffle(members, random);
            int nTest = (int) Math.round(testFraction * members.size());
            test.addAll(members.subList(0, nTest));
            train.addAll(members.subList(nTest, members.size()));
        }
        return new Parts(sorted(train), sorted(test));
    }

    private static int[] sorted(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }
}
