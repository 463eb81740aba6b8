package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PredictorRankTest {

    @Test
    void mostProbableFirstTiesInClassOrder() {
        assertArrayEquals(new int[] {2, 0, 3, 1}, Predictor.rank(new double[] {0.2, 0.1, 0.5, 0.2}));
        assertArrayEquals(new int[] {0, 1, 2}, Predictor.rank(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}));
        assertArrayEquals(new int[] {3, 2, 1, 0}, Predictor.rank(new double[] {0.1, 0.2, 0.3, 0.4}));
        assertArrayEquals(new int[] {0}, Predictor.rank(new double[] {1}));
    }
}
