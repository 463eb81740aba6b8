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
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be between 0 and 1, was " + testFraction);
        }
        Parts parts = switch (kind) {
            case TEMPORAL -> temporal(rows, times, testFraction);
            case STRATIFIED -> stratified(rows, labels, seed, testFraction);
        };
        if (parts.train.length == 0 || parts.test.length == 0) {
            throw new IllegalArgumentException("cannot split " + rows.length + " rows " + kind.key()
                    + "ly into two non-empty parts; the data set is too small or covers a single moment");
        }
        return parts;
    }

    private static Parts temporal(int[] rows, List<LocalDateTime> times, double testFraction) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int r : rows) {
            long t = seconds(times.get(r));
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        double cutoff = max - testFraction * (max - min);
        int[] train = Arrays.stream(rows).filter(r -> seconds(times.get(r)) < cutoff).sorted().toArray();
        int[] test = Arrays.stream(rows).filter(r -> seconds(times.get(r)) >= cutoff).sorted().toArray();
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
