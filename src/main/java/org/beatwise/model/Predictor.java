package org.beatwise.model;

import java.util.Arrays;
import java.util.List;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Query;
import org.beatwise.features.Target;

/**
 * The one prediction service: (hour, day of week, month, lat, lon) → classes ranked by probability.
 * It delivers the forest's distribution blended with the training prior (see {@link PriorBlend}), the
 * same probabilities the evaluation scored. Safe to share between threads.
 */
public final class Predictor {

    private final Forest forest;
    private final Target target;
    private final FeatureSet featureSet;
    private final List<String> classes;
    private final double[] prior;
    private final double blendWeight;
    private final double[] forestBuffer;

    Predictor(Forest forest, Target target, FeatureSet featureSet, List<String> classes, double[] prior,
              double blendWeight) {
        if (prior.length != classes.size() || forest.numClasses() != classes.size()) {
            throw new IllegalArgumentException("forest, classes and prior disagree on the number of classes");
        }
        this.forest = forest;
        this.target = target;
        this.featureSet = featureSet;
        this.classes = List.copyOf(classes);
        this.prior = prior.clone();
        this.blendWeight = blendWeight;
        this.forestBuffer = new double[classes.size()];
    }

    public Target target() {
        return target;
    }

    public FeatureSet featureSet() {
        return featureSet;
    }

    /** Class labels in model order (most frequent in training first). */
    public List<String> classes() {
        return classes;
    }

    public Prediction predict(Query q) {
        double[] p = new double[classes.size()];
        probabilities(q, p);
        int[] order = rank(p);
        ClassProbability[] ranked = new ClassProbability[p.length];
        for (int i = 0; i < p.length; i++) {
            ranked[i] = new ClassProbability(classes.get(order[i]), p[order[i]]);
        }
        return new Prediction(Arrays.asList(ranked));
    }

    /**
     * Class indices from the most to the least probable, ties in index order (the more frequent class
     * first). An insertion sort on primitives: a few dozen classes, and no boxing on the prediction path.
     */
    static int[] rank(double[] p) {
        int[] order = new int[p.length];
        for (int c = 0; c < p.length; c++) {
            int j = c;
            while (j > 0 && p[order[j - 1]] < p[c]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = c;
        }
        return order;
    }

    /** Writes the delivered probabilities, in {@link #classes()} order, into {@code out}. */
    public void probabilities(Query q, double[] out) {
        synchronized (forestBuffer) {
            forest.distribution(q, forestBuffer);
            PriorBlend.apply(forestBuffer, prior, blendWeight, out);
        }
    }

    /** The forest's own probabilities, before the blend. */
    void rawProbabilities(Query q, double[] out) {
        forest.distribution(q, out);
    }

    Forest forest() {
        return forest;
    }

    double[] prior() {
        return prior.clone();
    }

    double blendWeight() {
        return blendWeight;
    }
}
