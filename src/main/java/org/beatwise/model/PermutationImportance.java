package org.beatwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.beatwise.features.Feature;
import org.beatwise.features.Query;

/**
 * Computes {@link FeatureImportance} for any predictor on labelled rows. All shuffles are drawn from one
 * seeded generator in a fixed order (feature by feature, repeat by repeat), so the same seed always gives
 * the same figures.
 */
public final class PermutationImportance {

    public static final int DEFAULT_SEED = 42;
    public static final int DEFAULT_REPEATS = 3;
    /** Rows scored at most: enough for stable figures, and a million-row dataset still answers in seconds. */
    public static final int MAX_ROWS = 20_000;

    private PermutationImportance() { }

    public static FeatureImportance of(HeldOutRows rows, int seed, int repeats) {
        return of(rows.predictor(), rows.queries(), rows.truth(), seed, repeats);
    }

    public static FeatureImportance of(Predictor predictor, List<Query> queries, int[] truth, int seed, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
        }
        if (queries.size() != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("need one class per row and at least one row: " + queries.size()
                    + " rows, " + truth.length + " classes");
        }
        Random random = new Random(seed);
        int[] chosen = sample(truth.length, random);
        List<Query> q = Arrays.stream(chosen).mapToObj(queries::get).toList();
        int[] t = Arrays.stream(chosen).map(i -> truth[i]).toArray();
        double[] base = score(predictor, q, t);
        List<FeatureImportance.Feature> out = new ArrayList<>();
        for (Feature f : predictor.featureSet().features()) {
            double logLoss = 0;
            double top3 = 0;
            double accuracy = 0;
            for (int r = 0; r < repeats; r++) {
                int[] perm = permutation(q.size(), random);
                List<Query> shuffled = new ArrayList<>(q.size());
                for (int i = 0; i < q.size(); i++) {
                    shuffled.add(with(q.get(i), f, q.get(perm[i])));
                }
                double[] s = score(predictor, shuffled, t);
                logLoss += s[0] - base[0];
                top3 += base[1] - s[1];
                accuracy += base[2] - s[2];
            }
            out.add(new FeatureImportance.Feature(f.key(), logLoss / repeats, top3 / repeats, accuracy / repeats));
        }
        String note = "How much worse the model does when one feature is shuffled among the test rows: how much it "
                + "uses that feature, not whether the feature causes anything. Features that carry the same "
                + "information (latitude and longitude with place) share their importance.";
        return new FeatureImportance(seed, repeats, q.size(), base[0], base[1], out, note);
    }

    /** Row indices: all of them in order, or a seeded sample of {@link #MAX_ROWS} in ascending order. */
    private static int[] sample(int n, Random random) {
        if (n <= MAX_ROWS) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] perm = permutation(n, random);
        int[] chosen = Arrays.copyOf(perm, MAX_ROWS);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** {@code q} with feature {@code f} taken from {@code from}. */
    static Query with(Query q, Feature f, Query from) {
        return switch (f) {
            case HOUR -> new Query(from.hour(), q.dayOfWeek(), q.month(), q.lat(), q.lon());
            case DAY_OF_WEEK -> new Query(q.hour(), from.dayOfWeek(), q.month(), q.lat(), q.lon());
            case MONTH -> new Query(q.hour(), q.dayOfWeek(), from.month(), q.lat(), q.lon());
            case LAT -> new Query(q.hour(), q.dayOfWeek(), q.month(), from.lat(), q.lon());
            case LON -> new Query(q.hour(), q.dayOfWeek(), q.month(), q.lat(), from.lon());
        };
    }

    /** {log loss, top-3 accuracy, accuracy} of the predictor on the rows, with {@link Metrics}' conventions. */
    static double[] score(Predictor predictor, List<Query> queries, int[] truth) {
        double[] p = new double[predictor.classes().size()];
        double logLoss = 0;
        int top3 = 0;
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            predictor.probabilities(queries.get(i), p);
            logLoss -= Math.log(Math.max(p[truth[i]], Metrics.LOG_LOSS_EPS));
            int rank = Metrics.rank(p, truth[i]);
            top3 += rank < 3 ? 1 : 0;
            correct += rank == 0 ? 1 : 0;
        }
        int n = truth.length;
        return new double[] {logLoss / n, (double) top3 / n, (double) correct / n};
    }
}
