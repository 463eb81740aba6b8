package org.beatwise.model;

import java.util.Arrays;
import java.util.Random;
import weka.core.Utils;

/**
 * Weka's bootstrap bag as counts: how often each row is drawn, by exactly the draws of
 * {@code Instances.resampleWithWeights(random, weights, sampled, true, bagSizePercent)} (Weka 3.8's
 * alias method over the rows' weights), without building the bag's instances. Bagging represents a
 * bag as weights: each drawn row once, in row order, weighing its count; {@link ObservedForest} grows
 * each tree from these counts and the shared {@link Columns}. {@code FastRandomTreeTest} compares it with
 * Weka's own bags.
 */
final class Bags {

    /** Weka's alias table for the rows' weights: the same for every bag of a forest, so made once. */
    private final double[] q;
    private final int[] alias;

    /** The table for rows that all weigh 1 (a {@code DenseInstance(1.0, …)} each). */
    Bags(int rows) {
        this(ones(rows));
    }

    Bags(double[] weights) {
        int n = weights.length;
        q = new double[n];
        alias = new int[n];
        if (n == 0) {
            return;
        }
        double[] p = weights.clone();
        Utils.normalize(p);
        // Walker's alias table, built as Weka builds it
        int[] smallLarge = new int[n];
        int small = -1;
        int large = n;
        for (int i = 0; i < n; i++) {
            if (p[i] < 0) {
                throw new IllegalArgumentException("Weights have to be positive.");
            }
            q[i] = n * p[i];
            if (q[i] < 1.0) {
                smallLarge[++small] = i;
            } else {
                smallLarge[--large] = i;
            }
        }
        if (small > -1 && large < n) {
            for (int i = 0; i < n - 1; i++) {
                int s = smallLarge[i];
                int l = smallLarge[large];
                alias[s] = l;
                q[l] += q[s] - 1.0;
                if (q[l] < 1.0) {
                    large++;
                }
                if (large >= n) {
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] += i;
        }
    }

    private static double[] ones(int rows) {
        double[] weights = new double[rows];
        Arrays.fill(weights, 1.0);
        return weights;
    }

    /** Counts for rows that all weigh 1. */
    static int[] counts(Random random, int rows, double bagSizePercent) {
        return new Bags(rows).counts(random, bagSizePercent);
    }

    /** Weka's resampleWithWeights, the draws only: {@code counts[i]} is how often row i was drawn. */
    int[] counts(Random random, double bagSizePercent) {
        if (bagSizePercent < 0 || bagSizePercent > 100) {
            throw new IllegalArgumentException("Sample size must be a percentage.");
        }
        int n = q.length;
        int[] counts = new int[n];
        int draws = (int) (n * (bagSizePercent / 100.0));
        for (int k = 0; k < draws; k++) {
            double r = n * random.nextDouble();
            int i = (int) r;
            int drawn = r < q[i] ? i : alias[i];
            counts[drawn]++;
        }
        return counts;
    }
}
