package org.beatwise.model;

/**
 * The headline figures of one set of predictions on one set of rows.
 *
 * @param top3Accuracy share of rows whose true class is among the three most probable
 * @param logLoss      mean −ln p(true class), probabilities clipped at 1e-15 as scikit-learn does
 * @param brier        multi-class Brier score: mean over rows of Σ (p_k − y_k)², 0 (perfect) … 2
 * @param ece          expected calibration error over 10 equal-width confidence bins
 */
public record Scores(
        double accuracy,
        double balancedAccuracy,
        double macroPrecision,
        double macroRecall,
        double macroF1,
        double weightedPrecision,
        double weightedRecall,
        double weightedF1,
        double top3Accuracy,
        double logLoss,
        double brier,
        double ece) {
}
