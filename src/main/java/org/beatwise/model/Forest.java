package org.beatwise.model;

import java.util.ArrayList;
import java.util.List;
import org.beatwise.features.Feature;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Query;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A grown forest ready to predict: the Weka trees plus the attribute header they were grown on.
 * Averaging the trees' distributions is what Weka's Bagging does; doing it here means a bundle holds
 * only {@code weka.*} classes and prediction reuses one instance instead of allocating per call.
 */
final class Forest {

    static final String CLASS_ATTRIBUTE = "class";

    private final Classifier[] trees;
    private final Instances header;
    private final FeatureSet featureSet;
    private final double[] values;
    private final ReusableInstance instance;
    // built on the first prediction, not at load: loading a bundle stays as fast as it was
    private FlatTrees flat;

    Forest(Classifier[] trees, FeatureSet featureSet, List<String> classes) {
        this(trees, featureSet, classes, null);
    }

    /** With the trees' flat copy already made (by the trainer, as it grew them), or null to make it on first use. */
    Forest(Classifier[] trees, FeatureSet featureSet, List<String> classes, FlatTrees flat) {
        if (trees.length == 0) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        this.trees = trees;
        this.featureSet = featureSet;
        this.header = header(featureSet, classes);
        this.values = new double[featureSet.size()];
        this.instance = new ReusableInstance(header);
        this.flat = flat;
    }

    Classifier[] trees() {
        return trees;
    }

    int numClasses() {
        return header.numClasses();
    }

    /** Writes the forest's class probabilities for {@code q} into {@code out}; all zero if no tree had an opinion. */
    synchronized void distribution(Query q, double[] out) {
        featureSet.fill(q, values);
        for (int i = 0; i < values.length; i++) {
            instance.set(i, values[i]);
        }
        java.util.Arrays.fill(out, 0);
        if (flat == null) {
            flat = FlatTrees.of(trees);
        }
        try {
            for (int t = 0; t < trees.length; t++) {
                double[] d = flat.distribution(t, values);
                if (d == null) {
                    d = trees[t].distributionForInstance(instance);
                }
                for (int c = 0; c < out.length; c++) {
                    out[c] += d[c];
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the forest could not score " + q, e);
        }
        double sum = Utils.sum(out);
        if (sum > 0) {
            for (int c = 0; c < out.length; c++) {
                out[c] /= sum;
            }
        }
    }

    /** Numeric feature attributes in feature-set order, then the nominal class attribute. */
    static Instances header(FeatureSet featureSet, List<String> classes) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (Feature f : featureSet.features()) {
            attributes.add(new Attribute(f.key()));
        }
        attributes.add(new Attribute(CLASS_ATTRIBUTE, new ArrayList<>(classes)));
        Instances header = new Instances("beatwise", attributes, 0);
        header.setClassIndex(attributes.size() - 1);
        return header;
    }

    /** An instance whose feature values are overwritten in place (DenseInstance.setValue copies the array each time). */
    private static final class ReusableInstance extends DenseInstance {
        private static final long serialVersionUID = 1L;

        ReusableInstance(Instances header) {
            super(1.0, new double[header.numAttributes()]);
            m_AttValues[header.classIndex()] = Utils.missingValue();
            setDataset(header);
        }

        void set(int attribute, double value) {
            m_AttValues[attribute] = value;
        }
    }
}
