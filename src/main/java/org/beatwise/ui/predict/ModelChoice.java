package org.beatwise.ui.predict;

import java.util.function.Function;
import org.beatwise.features.Query;
import org.beatwise.model.Prediction;

/**
 * A loaded model as the prediction form needs it: how to predict, and the honest test figures to show
 * beside every prediction.
 *
 * @param top3Accuracy share of test rows whose true class was among the model's three most probable
 * @param priorTop3Accuracy the same for guessing the three most frequent training classes
 * @param accuracy the model's test accuracy
 * @param majorityAccuracy test accuracy of always guessing the most frequent class
 */
public record ModelChoice(String name, Function<Query, Prediction> predictor, double top3Accuracy,
                          double priorTop3Accuracy, double accuracy, double majorityAccuracy) { }
