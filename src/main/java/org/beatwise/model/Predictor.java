package org.beatwise.model;

import java.util.ArrayList;
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
        List<Integer> order = new ArrayList<>(p.length);
        for (int c = 0; c < p.length; c++) {
            order.add(c);
        }
        order.sort((a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        List<ClassProbability> ranked = new ArrayList<>(p.length);
        for (int c : order) {
            ranked.add(new ClassProbability(classes.get(c), p[c]));
        }
        return new Prediction(ranked);
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
