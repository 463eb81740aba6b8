package org.beatwise.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything Beatwise reports about one set of probabilistic predictions: headline scores, the
 * per-class table, the confusion matrix (rows = true class, columns = predicted class, in the order
 * of {@code classes}) and the reliability bins behind the ECE.
 */
public record Metrics(Scores scores, List<ClassMetrics> perClass, int[][] confusion, List<CalibrationBin> calibration) {

    /** Probabilities below this count as this for log loss, as in scikit-learn, so one zero cannot make it infinite. */
    public static final double LOG_LOSS_EPS = 1e-15;
    public static final int CALIBRATION_BINS = 10;

    /**
     * Computes the metrics.
     *
     * <p>The predicted class is the most probable one; ties go to the lower class index (Beatwise
     * orders classes by training frequency, so a tie goes to the more common class). The same rule
     * orders the top three. Macro averages run over the classes that occur in the truth or in the
     * predictions, as scikit-learn's defaults do; a precision or recall with a zero denominator is 0.
     *
     * @param truth index of the true class of each row
     * @param probs one probability vector per row, each summing to 1
     */
    public static Metrics of(List<String> classes, int[] truth, double[][] probs) {
        int n = truth.length;
        if (probs.length != n) {
            throw new IllegalArgumentException("need one probability vector per row: " + n + " rows, " + probs.length + " vectors");
        }
        Tally tally = new Tally(classes.size());
        for (int i = 0; i < n; i++) {
            tally.add(truth[i], probs[i]);
        }
        return tally.metrics(classes);
    }

    /**
     * The metrics of rows added one at a time, in order: what {@link #of} computes, without a
     * probability vector per row held at once (the evaluation of a large test part blends each row
     * into one reused array).
     */
    static final class Tally {
        private final int k;
        private final int[][] confusion;
        private int n;
        private int top3;
        private double logLoss;
        private double brier;
        private final int[] binCount = new int[CALIBRATION_BINS];
        private final double[] binConfidence = new double[CALIBRATION_BINS];
        private final int[] binCorrect = new int[CALIBRATION_BINS];

        Tally(int classes) {
            k = classes;
            confusion = new int[k][k];
        }

        /** Adds row {@code n} (counting from 0): its true class and its probabilities, summing to 1. */
        void add(int t, double[] p) {
            if (p.length != k) {
                throw new IllegalArgumentException("row " + n + " has " + p.length + " probabilities, expected " + k);
            }
            n++;
            int predicted = argMax(p);
            confusion[t][predicted]++;
            if (rank(p, t) < 3) {
                top3++;
            }
            logLoss -= Math.log(Math.max(p[t], LOG_LOSS_EPS));
            for (int c = 0; c < k; c++) {
                double d = p[c] - (c == t ? 1 : 0);
                brier += d * d;
            }
            double confidence = p[predicted];
            int bin = Math.min(CALIBRATION_BINS - 1, (int) Math.floor(confidence * CALIBRATION_BINS));
            binCount[bin]++;
            binConfidence[bin] += confidence;
            if (predicted == t) {
                binCorrect[bin]++;
            }
        }

        Metrics metrics(List<String> classes) {
            if (n == 0) {
                throw new IllegalArgumentException("cannot score an empty set of rows");
            }
            List<ClassMetrics> perClass = new ArrayList<>(k);
            int correct = 0;
            int present = 0;
            int withSupport = 0;
            double recallSum = 0;
            double macroP = 0;
            double macroR = 0;
            double macroF = 0;
            double weightedP = 0;
            double weightedR = 0;
            double weightedF = 0;
            for (int c = 0; c < k; c++) {
                int tp = confusion[c][c];
                int support = 0;
                int predictedAs = 0;
                for (int j = 0; j < k; j++) {
                    support += confusion[c][j];
                    predictedAs += confusion[j][c];
                }
                double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
                double recall = support == 0 ? 0 : (double) tp / support;
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                perClass.add(new ClassMetrics(classes.get(c), precision, recall, f1, support));
                correct += tp;
                if (support > 0) {
                    withSupport++;
                    recallSum += recall;
                }
                if (support > 0 || predictedAs > 0) {
                    present++;
                    macroP += precision;
                    macroR += recall;
                    macroF += f1;
                }
                weightedP += precision * support;
                weightedR += recall * support;
                weightedF += f1 * support;
            }

            List<CalibrationBin> calibration = new ArrayList<>(CALIBRATION_BINS);
            double ece = 0;
            for (int b = 0; b < CALIBRATION_BINS; b++) {
                double meanConfidence = binCount[b] == 0 ? 0 : binConfidence[b] / binCount[b];
                double accuracy = binCount[b] == 0 ? 0 : (double) binCorrect[b] / binCount[b];
                calibration.add(new CalibrationBin((double) b / CALIBRATION_BINS, (double) (b + 1) / CALIBRATION_BINS,
                        binCount[b], meanConfidence, accuracy));
                ece += (double) binCount[b] / n * Math.abs(accuracy - meanConfidence);
            }

            Scores scores = new Scores(
                    (double) correct / n,
                    recallSum / withSupport,
                    macroP / present, macroR / present, macroF / present,
                    weightedP / n, weightedR / n, weightedF / n,
                    (double) top3 / n,
                    logLoss / n,
                    brier / n,
                    ece);
            return new Metrics(scores, List.copyOf(perClass), confusion, List.copyOf(calibration));
        }
    }

    /** Index of the largest probability, the lowest index on ties. */
    static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Position (0 = first) of class {@code c} when classes are ordered by probability, ties by index. */
    static int rank(double[] p, int c) {
        int before = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > p[c] || (p[j] == p[c] && j < c)) {
                before++;
            }
        }
        return before;
    }
}
