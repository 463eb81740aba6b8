package org.beatwise.hotspot;

import java.util.Arrays;

/**
 * Getis-Ord Gi* on a rectangle of cell counts, as ArcGIS's Hot Spot Analysis computes it with binary
 * distance-band weights that include the cell itself:
 * <pre>
 *   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 * </pre>
 * with X̄ and S the mean and population standard deviation of all n counts (empty cells included: a
 * street with no incidents is evidence too). p is two-sided from the normal; significance is decided
 * after the Benjamini–Hochberg false-discovery-rate correction over all cells, at 90, 95 and 99 %.
 *
 * @param z z-score per cell, same layout as the counts
 * @param p two-sided p-value per cell
 * @param confidence 99/95/90 for a significant hot spot, the negative for a cold spot, 0 otherwise
 */
record GiStar(double[] z, double[] p, int[] confidence) {

    /**
     * @param counts {@code counts[row * cols + col]}
     * @param bandCells the distance band in cells: neighbours whose centres lie within it count
     */
    static GiStar of(double[] counts, int cols, int rows, double bandCells) {
        int n = counts.length;
        double mean = 0;
        for (double c : counts) {
            mean += c;
        }
        mean /= n;
        double var = 0;
        for (double c : counts) {
            var += (c - mean) * (c - mean);
        }
        double s = Math.sqrt(var / n);
        int reach = (int) Math.floor(bandCells);
        double[] z = new double[n];
        double[] p = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sumWx = 0;
                int sumW = 0;
                for (int dr = -reach; dr <= reach; dr++) {
                    for (int dc = -reach; dc <= reach; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || dr * dr + dc * dc > bandCells * bandCells) {
                            continue;
                        }
                        sumWx += counts[rr * cols + cc];
                        sumW++;
                    }
                }
                // Binary weights: Σ w² = Σ w.
                double denominator = s * Math.sqrt((n * (double) sumW - (double) sumW * sumW) / (n - 1));
                int i = r * cols + c;
                z[i] = denominator > 0 ? (sumWx - mean * sumW) / denominator : 0;
                p[i] = twoSidedP(z[i]);
            }
        }
        return new GiStar(z, p, confidence(z, p));
    }

    private static int[] confidence(double[] z, double[] p) {
        int[] level = new int[z.length];
        double[][] alphaAndLevel = {{0.10, 90}, {0.05, 95}, {0.01, 99}};
        for (double[] al : alphaAndLevel) {
            double cut = benjaminiHochbergCut(p, al[0]);
            for (int i = 0; i < z.length; i++) {
                if (p[i] <= cut) {
                    level[i] = (int) (z[i] > 0 ? al[1] : -al[1]);
                }
            }
        }
        return level;
    }

    /** The largest p_(i) with p_(i) ≤ (i / m) α, or −1 when none is: every p at or below it is a discovery. */
    static double benjaminiHochbergCut(double[] p, double alpha) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        for (int i = m; i >= 1; i--) {
            if (sorted[i - 1] <= (double) i / m * alpha) {
                return sorted[i - 1];
            }
        }
        return -1;
    }

    /** 2·(1 − Φ(|z|)) = erfc(|z|/√2). */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * Complementary error function by the Chebyshev fit of Numerical Recipes (erfcc): fractional error
     * below 1.2e-7 everywhere, far finer than any significance level, and no dependency for it.
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
