package org.beatwise.model;

import java.util.List;

/**
 * Permutation importance of each feature on a model's held-out rows: how much worse the model does when
 * one feature's column is shuffled among the rows, which breaks its link with the class and keeps its
 * distribution. It measures how much the model uses a feature, not whether the feature causes anything.
 *
 * @param seed       seed of the shuffles (recorded so the figures can be repeated)
 * @param repeats    shuffles per feature; the figures are their mean
 * @param rows       test rows used (a seeded sample when there were more than the cap)
 * @param logLoss    the model's log loss on those rows, unshuffled
 * @param top3Accuracy its top-3 accuracy on those rows, unshuffled
 */
public record FeatureImportance(int seed, int repeats, int rows, double logLoss, double top3Accuracy,
                                List<Feature> features, String note) {

    public FeatureImportance {
        features = List.copyOf(features);
    }

    /**
     * @param logLossIncrease shuffled log loss minus the unshuffled one (higher: the model leans on it more)
     * @param top3Drop        unshuffled top-3 accuracy minus the shuffled one
     * @param accuracyDrop    the same for top-1 accuracy
     */
    public record Feature(String feature, double logLossIncrease, double top3Drop, double accuracyDrop) { }
}
