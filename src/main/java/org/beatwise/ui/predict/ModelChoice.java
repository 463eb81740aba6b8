package org.beatwise.ui.predict;

import java.util.function.Function;
import org.beatwise.features.Query;
import org.beatwise.model.Evaluation;
import org.beatwise.model.Prediction;
import org.beatwise.model.TrainedModel;

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
                          double priorTop3Accuracy, double accuracy, double majorityAccuracy) {

    /** The form's view of a trained model, with the test figures from its own evaluation. */
    public static ModelChoice of(TrainedModel model) {
        Evaluation e = model.metadata().evaluation();
        return new ModelChoice(model.name(), model.predictor()::predict, e.model().scores().top3Accuracy(),
                e.prior().top3Accuracy(), e.model().scores().accuracy(), e.majority().accuracy());
    }
}
