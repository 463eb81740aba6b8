package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PriorBlendTest {

    @Test
    void blendIsAWeightedAverageThatSumsToOne() {
        double[] out = new double[3];
        PriorBlend.apply(new double[] {1, 0, 0}, new double[] {0.5, 0.3, 0.2}, 0.2, out);
        assertArrayEquals(new double[] {0.9, 0.06, 0.04}, out, 1e-12);
    }

    @Test
    void aForestWithNoOpinionFallsBackOnThePrior() {
        double[] out = new double[2];
        PriorBlend.apply(new double[] {0, 0}, new double[] {0.7, 0.3}, 0.1, out);
        assertArrayEquals(new double[] {0.7, 0.3}, out, 1e-12);
    }

    @Test
    void chosenWeightIsTheLogLossMinimum() {
        // Forest is certain (1, 0); the prior is (0.5, 0.5). With k of n rows truly class 0, the loss is
        // −[k ln(1 − w/2) + (n − k) ln(w/2)]/n, minimised at w = 2(n − k)/n. Here k = 3 of 4 → w = 0.5.
        double[][] forest = {{1, 0}, {1, 0}, {1, 0}, {1, 0}};
        int[] truth = {0, 0, 0, 1};
        double w = PriorBlend.chooseWeight(forest, new double[] {0.5, 0.5}, truth);
        assertEquals(0.5, w, 1e-6);
    }

    @Test
    void aPerfectForestGetsTheSmallestWeightButNeverZero() {
        double[][] forest = {{1, 0}, {0, 1}};
        double w = PriorBlend.chooseWeight(forest, new double[] {0.5, 0.5}, new int[] {0, 1});
        assertTrue(w >= PriorBlend.MIN_WEIGHT && w < 0.01, "weight " + w);
    }
}
