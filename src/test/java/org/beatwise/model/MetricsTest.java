package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures worked out by hand on tiny examples, chosen so that a plausible mistake gives a different number. */
class MetricsTest {

    private static final List<String> ABC = List.of("a", "b", "c");
    private static final double EPS = 1e-12;

    /*
     * Four rows, truth a, a, b, c.
     *   row 0: (0.7, 0.2, 0.1) → a, right
     *   row 1: (0.3, 0.6, 0.1) → b, wrong
     *   row 2: (0.2, 0.5, 0.3) → b, right
     *   row 3: (0.5, 0.4, 0.1) → a, wrong (c is ranked third)
     */
    private static final int[] TRUTH = {0, 0, 1, 2};
    private static final double[][] PROBS = {
            {0.7, 0.2, 0.1},
            {0.3, 0.6, 0.1},
            {0.2, 0.5, 0.3},
            {0.5, 0.4, 0.1}};

    @Test
    void accuracyAndConfusion() {
        Metrics m = Metrics.of(ABC, TRUTH, PROBS);
        assertEquals(0.5, m.scores().accuracy(), EPS);
        assertArrayEquals(new int[] {1, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 0}, m.confusion()[1]);
        assertArrayEquals(new int[] {1, 0, 0}, m.confusion()[2]);
    }

    @Test
    void perClassAndAverages() {
        Metrics m = Metrics.of(ABC, TRUTH, PROBS);
        // a: predicted twice (rows 0, 3), right once → P 1/2; true twice, found once → R 1/2; F1 1/2
        // b: predicted twice (rows 1, 2), right once → P 1/2; R 1/1; F1 2/3
        // c: never predicted → P 0, R 0, F1 0
        ClassMetrics a = m.perClass().get(0);
        ClassMetrics b = m.perClass().get(1);
        ClassMetrics c = m.perClass().get(2);
        assertEquals(0.5, a.precision(), EPS);
        assertEquals(0.5, a.recall(), EPS);
        assertEquals(2, a.support());
        assertEquals(2.0 / 3, b.f1(), EPS);
        assertEquals(0, c.f1(), EPS);
        assertEquals(1, c.support());
        // balanced accuracy = mean recall = (1/2 + 1 + 0) / 3
        assertEquals(0.5, m.scores().balancedAccuracy(), EPS);
        // macro F1 = (1/2 + 2/3 + 0) / 3; weighted F1 = (2·1/2 + 1·2/3 + 1·0) / 4
        assertEquals((0.5 + 2.0 / 3) / 3, m.scores().macroF1(), EPS);
        assertEquals((1 + 2.0 / 3) / 4, m.scores().weightedF1(), EPS);
        assertEquals((2 * 0.5 + 1 * 0.5 + 0) / 4, m.scores().weightedPrecision(), EPS);
    }

    @Test
    void probabilisticScores() {
        Metrics m = Metrics.of(ABC, TRUTH, PROBS);
        double logLoss = -(Math.log(0.7) + Math.log(0.3) + Math.log(0.5) + Math.log(0.1)) / 4;
        assertEquals(logLoss, m.scores().logLoss(), EPS);
        // Brier per row: Σ (p − y)²
        double brier = ((0.09 + 0.04 + 0.01) + (0.49 + 0.36 + 0.01) + (0.04 + 0.25 + 0.09) + (0.25 + 0.16 + 0.81)) / 4;
        assertEquals(brier, m.scores().brier(), EPS);
        // with three classes every true class is in the top three
        assertEquals(1.0, m.scores().top3Accuracy(), EPS);
    }

    @Test
    void topThreeCountsOnlyTheThreeMostProbable() {
        List<String> five = List.of("a", "b", "c", "d", "e");
        int[] truth = {3, 4};
        double[][] probs = {
                {0.3, 0.25, 0.2, 0.15, 0.1},  // d is fourth → miss
                {0.1, 0.1, 0.5, 0.1, 0.2}};   // e is second → hit
        assertEquals(0.5, Metrics.of(five, truth, probs).scores().top3Accuracy(), EPS);
    }

    @Test
    void tiesGoToTheLowerClassIndex() {
        // a and b tie: a (the more frequent class in model order) is predicted; in the top three,
        // equal probabilities are ordered by index, so d (index 3) is behind a, b and c
        List<String> four = List.of("a", "b", "c", "d");
        Metrics m = Metrics.of(four, new int[] {3}, new double[][] {{0.25, 0.25, 0.25, 0.25}});
        assertEquals(1, m.confusion()[3][0]);
        assertEquals(0, m.scores().top3Accuracy(), EPS);
    }

    @Test
    void zeroProbabilityIsClippedNotInfinite() {
        Metrics m = Metrics.of(List.of("a", "b"), new int[] {1}, new double[][] {{1.0, 0.0}});
        assertEquals(-Math.log(Metrics.LOG_LOSS_EPS), m.scores().logLoss(), 1e-9);
        assertEquals(2.0, m.scores().brier(), EPS);
    }

    @Test
    void expectedCalibrationError() {
        // Two rows in bin [0.9, 1.0): confidence 0.95 and 0.91, one right → |0.5 − 0.93| · 2/4
        // Two rows in bin [0.6, 0.7): confidence 0.6 and 0.6, both right → |1 − 0.6| · 2/4
        List<String> ab = List.of("a", "b");
        int[] truth = {0, 1, 0, 0};
        double[][] probs = {{0.95, 0.05}, {0.91, 0.09}, {0.6, 0.4}, {0.6, 0.4}};
        Metrics m = Metrics.of(ab, truth, probs);
        assertEquals(0.5 * Math.abs(0.5 - 0.93) + 0.5 * 0.4, m.scores().ece(), EPS);
        CalibrationBin top = m.calibration().get(9);
        assertEquals(2, top.count());
        assertEquals(0.93, top.meanConfidence(), EPS);
        assertEquals(0.5, top.accuracy(), EPS);
        assertEquals(2, m.calibration().get(6).count());
    }

    @Test
    void confidenceOfExactlyOneLandsInTheLastBin() {
        Metrics m = Metrics.of(List.of("a", "b"), new int[] {0}, new double[][] {{1.0, 0.0}});
        assertEquals(1, m.calibration().get(9).count());
        assertEquals(0, m.scores().ece(), EPS);
    }

    @Test
    void macroAveragesSkipClassesAbsentFromTruthAndPredictions() {
        // c never occurs and is never predicted: it must not drag the macro averages down
        int[] truth = {0, 1};
        double[][] probs = {{0.6, 0.3, 0.1}, {0.3, 0.6, 0.1}};
        Metrics m = Metrics.of(ABC, truth, probs);
        assertEquals(1.0, m.scores().macroF1(), EPS);
        assertEquals(1.0, m.scores().balancedAccuracy(), EPS);
    }

    @Test
    void refusesMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(ABC, new int[] {0}, new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(ABC, new int[0], new double[0][]));
    }
}
