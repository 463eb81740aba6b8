package org.beatwise.model;

import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Rows to grow or score a forest on, held as one array per attribute instead of one Weka
 * {@code Instance} each: what the trainer fills from its incidents and what every tree's grower and
 * the scoring walks read, so no tree copies the rows. {@code x[a]} holds attribute {@code a}'s value
 * of every row (null for the class attribute), {@code y} the class index; every row weighs 1, as a
 * {@code DenseInstance(1.0, values)} does.
 *
 * @param header the attributes (numeric features, then the nominal class), no rows
 */
record Columns(Instances header, double[][] x, int[] y) {

    int size() {
        return y.length;
    }

    /** The rows of {@code data} as columns, or null when a row's weight is not 1 (then Weka's bags differ). */
    static Columns of(Instances data) {
        int n = data.numInstances();
        int attributes = data.numAttributes();
        double[][] x = new double[attributes][];
        for (int a = 0; a < attributes; a++) {
            if (a != data.classIndex()) {
                x[a] = new double[n];
            }
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            Instance inst = data.instance(i);
            if (inst.weight() != 1.0 || inst.classIsMissing()) {
                return null;
            }
            for (int a = 0; a < attributes; a++) {
                if (a != data.classIndex()) {
                    x[a][i] = inst.value(a);
                }
            }
            y[i] = (int) inst.classValue();
        }
        return new Columns(new Instances(data, 0), x, y);
    }

    /**
     * Whether {@link FastRandomTree} grows trees from these rows itself: numeric attributes, a nominal
     * class, no missing value and no {@code -0.0} (see {@link FastRandomTree}); otherwise the rows go to
     * Weka as instances.
     */
    boolean growable() {
        if (header.classIndex() < 0 || !header.classAttribute().isNominal() || header.numAttributes() < 2 || size() == 0) {
            return false;
        }
        for (int a = 0; a < x.length; a++) {
            if (a == header.classIndex()) {
                continue;
            }
            if (!header.attribute(a).isNumeric()) {
                return false;
            }
            for (double v : x[a]) {
                if (Double.isNaN(v) || (v == 0 && Double.doubleToRawLongBits(v) != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Row {@code i} as a Weka instance of the header (for Weka's own scoring and its seed rule). */
    Instance instance(int i, double weight) {
        double[] values = new double[header.numAttributes()];
        for (int a = 0; a < values.length; a++) {
            values[a] = a == header.classIndex() ? y[i] : x[a][i];
        }
        DenseInstance inst = new DenseInstance(weight, values);
        inst.setDataset(header);
        return inst;
    }

    /** The rows as Weka instances, row i weighing {@code counts[i]} and left out when that is 0 (a bag as weights). */
    Instances instances(int[] counts) {
        Instances data = new Instances(header, size());
        for (int i = 0; i < size(); i++) {
            if (counts == null || counts[i] > 0) {
                data.add(instance(i, counts == null ? 1.0 : counts[i]));
            }
        }
        return data;
    }
}
