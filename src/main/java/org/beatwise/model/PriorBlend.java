package org.beatwise.model;

/**
 * The fix for the forest's zero probabilities. A Weka forest often gives the true class a
 * probability of exactly 0 (no leaf that the row reached had seen it), and one such row adds 34.5 to
 * the summed log loss. Blending with the training class frequencies,
 * {@code p = (1 − w)·forest + w·prior}, keeps every class possible; {@code w} is chosen to minimise
 * log loss on the training rows' out-of-bag probabilities (each row scored by the trees that never
 * saw it), never on the test part.
 */
final class PriorBlend {

    /** Never blend less than this, so no class is ever given probability 0. */
    static final double MIN_WEIGHT = 1e-3;

    private PriorBlend() { }

    static void apply(double[] forest, double[] prior, double weight, double[] out) {
        double sum = 0;
        for (double v : forest) {
            sum += v;
        }
        if (sum <= 0) {
            // no tree had an opinion: fall back on the prior alone
            System.arraycopy(prior, 0, out, 0, prior.length);
            return;
        }
        for (int c = 0; c < prior.length; c++) {
            out[c] = (1 - weight) * forest[c] / sum + weight * prior[c];
        }
    }

    /**
     * The weight in [MIN_WEIGHT, 1] with the lowest mean log loss. Log loss is convex in the weight
     * (−ln of a function linear in w), so a golden-section search finds the minimum. Only each row's
     * true class matters to log loss, so the rows are reduced to that once, not at each of the ~40 steps.
     */
    static double chooseWeight(double[][] forest, double[] prior, int[] truth) {
        return choose(TrueClass.of(forest, prior, truth));
    }

    /**
     * As {@link #chooseWeight(double[][], double[], int[])} from each row already reduced to the forest's
     * score of its true class ({@code atTruth}) and the sum of its scores ({@code total}).
     */
    static double chooseWeight(double[] atTruth, double[] total, double[] prior, int[] truth) {
        double[] q = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            q[i] = prior[truth[i]];
        }
        return choose(new TrueClass(atTruth, total, q));
    }

    private static double choose(TrueClass rows) {
        double lo = MIN_WEIGHT;
        double hi = 1;
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = rows.logLoss(a);
        double fb = rows.logLoss(b);
        for (int i = 0; i < 40; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = rows.logLoss(a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = rows.logLoss(b);
            }
        }
        return (lo + hi) / 2;
    }

    static double logLoss(double[][] forest, double[] prior, int[] truth, double weight) {
        return TrueClass.of(forest, prior, truth).logLoss(weight);
    }

    /**
     * Per row: the forest's score of the true class, the sum of its scores (0: no opinion) and the
     * prior of the true class; {@link #logLoss} computes exactly what {@link #apply} would give.
     */
    private record TrueClass(double[] forest, double[] sum, double[] prior) {

        static TrueClass of(double[][] forest, double[] prior, int[] truth) {
            double[] f = new double[truth.length];
            double[] s = new double[truth.length];
            double[] q = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                for (double v : forest[i]) {
                    s[i] += v;
                }
                f[i] = forest[i][truth[i]];
                q[i] = prior[truth[i]];
            }
            return new TrueClass(f, s, q);
        }

        double logLoss(double weight) {
            double total = 0;
            for (int i = 0; i < forest.length; i++) {
                double p = sum[i] <= 0 ? prior[i] : (1 - weight) * forest[i] / sum[i] + weight * prior[i];
                total -= Math.log(Math.max(p, Metrics.LOG_LOSS_EPS));
            }
            return total / forest.length;
        }
    }
}
