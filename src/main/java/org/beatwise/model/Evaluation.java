package org.beatwise.model;

/**
 * How the model did on the test part, always beside the baselines scored on the same rows.
 *
 * @param model         the delivered model (forest blended with the prior)
 * @param forestOnly    the forest's own probabilities, before the fix for zero probabilities
 * @param majority      always predicting the most frequent training class (probability 1)
 * @param prior         predicting the training class frequencies for every row
 * @param trainAccuracy the delivered model's accuracy on its own training rows: not a measure of
 *                      skill, shown so a trainer can see where the paper's 72 % came from
 * @param blendWeight   weight of the prior in the blend, chosen on the training rows' out-of-bag probabilities
 */
public record Evaluation(
        Metrics model,
        Scores forestOnly,
        Scores majority,
        Scores prior,
        double trainAccuracy,
        double blendWeight,
        int nTrain,
        int nTest) {
}
