package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gi* against a 3 × 3 grid worked out by hand. */
class GiStarTest {

    /*
     * Counts (row 0 first):   0 0 0 / 0 9 0 / 0 0 0.  n = 9, X̄ = 1, S = √((64 + 8·1)/9) = √8.
     * Centre: all nine cells are neighbours (band 1.5 cells), Σwx = 9, W = 9:
     *   z = (9 − 9) / (√8 · √((81 − 81)/8)) → denominator 0 → defined as 0.
     * Corner (0,0): neighbours (0,0),(0,1),(1,0),(1,1): Σwx = 9, W = 4:
     *   z = (9 − 4) / (√8 · √((36 − 16)/8)) = 5 / (√8 · √2.5) = 5 / √20 = 1.118034.
     * Edge (0,1): six neighbours including the centre: Σwx = 9, W = 6:
     *   z = (9 − 6) / (√8 · √((54 − 36)/8)) = 3 / (√8 · 1.5) = 3 / 4.242641 = 0.707107.
     */
    @Test
    void zScoresOfASmallGridMatchTheHandComputation() {
        double[] counts = {0, 0, 0, 0, 9, 0, 0, 0, 0};
        GiStar g = GiStar.of(counts, 3, 3, 1.5);
        assertEquals(0, g.z()[4], 1e-12);
        assertEquals(1.118034, g.z()[0], 1e-6);
        assertEquals(0.707107, g.z()[1], 1e-6);
        assertEquals(1.118034, g.z()[8], 1e-6);
        // two-sided p of z = 1.118034: 2·(1 − Φ(1.118)) = 0.263552
        assertEquals(0.263552, g.p()[0], 1e-5);
    }

    /*
     * 5 × 1 strip 10 0 0 0 0, band 1.5 → neighbours are left, self, right. n = 5, X̄ = 2,
     * S = √((64 + 4·4)/5) = 4. Cell 0: Σwx = 10, W = 2: z = (10 − 4) / (4 · √((10 − 4)/4)) = 6 / (4·1.224745) = 1.224745.
     * Cell 1: Σwx = 10, W = 3: z = (10 − 6) / (4 · √((15 − 9)/4)) = 4 / 4.898979 = 0.816497.
     * Cell 3: Σwx = 0, W = 3: z = −6 / 4.898979 = −1.224745.
     */
    @Test
    void edgeCellsUseOnlyTheNeighboursThatExist() {
        GiStar g = GiStar.of(new double[] {10, 0, 0, 0, 0}, 5, 1, 1.5);
        assertEquals(1.224745, g.z()[0], 1e-6);
        assertEquals(0.816497, g.z()[1], 1e-6);
        assertEquals(-1.224745, g.z()[3], 1e-6);
    }

    @Test
    void benjaminiHochbergKeepsTheDiscoveriesBelowTheStepUpLine() {
        // m = 5, α = 0.05: lines 0.01, 0.02, 0.03, 0.04, 0.05; p sorted 0.001 0.015 0.04 0.041 0.9:
        // the largest i with p_(i) ≤ i/m·α is i = 2 (0.015 ≤ 0.02; 0.04 > 0.03; 0.041 > 0.04)
        assertEquals(0.015, GiStar.benjaminiHochbergCut(new double[] {0.9, 0.04, 0.001, 0.041, 0.015}, 0.05), 1e-12);
        assertEquals(-1, GiStar.benjaminiHochbergCut(new double[] {0.5, 0.6}, 0.05), 1e-12);
    }

    @Test
    void aStrongClusterIsASignificantHotSpotAt99Percent() {
        int cols = 20;
        double[] counts = new double[cols * cols];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (i * 7) % 3; // background 0–2
        }
        counts[10 * cols + 10] = 60;
        counts[10 * cols + 11] = 50;
        counts[11 * cols + 10] = 55;
        GiStar g = GiStar.of(counts, cols, cols, 1.5);
        assertEquals(99, g.confidence()[10 * cols + 10]);
        assertEquals(0, g.confidence()[0]);
    }
}
