package org.beatwise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A saved model's test figures in the one shape both the {@code evaluate} command and the Train &amp;
 * Evaluate pane show, so the two can never disagree. Everything comes from the model's metadata: the
 * figures were computed once, on the test part, when the model was trained.
 *
 * @param logLossRaw    log loss of the forest's own probabilities, before blending with the prior
 * @param trainAccuracy accuracy on the model's own training rows: not a measure of skill
 * @param baselines     {@code majority} and {@code prior}, scored on the same test rows
 * @param confusion     rows = true class, columns = predicted class, both in {@code classes} order
 * @param notes         plain-language remarks on where the model is weak or what was left out
 */
public record ModelReport(
        String model,
        String dataset,
        String target,
        String featureSet,
        List<String> features,
        String split,
        int seed,
        Map<String, String> settings,
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
        double logLossRaw,
        double brier,
        double ece,
        double trainAccuracy,
        double blendWeight,
        int nTrain,
        int nTest,
        int nClasses,
        List<String> classes,
        Map<String, Scores> baselines,
        List<ClassMetrics> perClass,
        int[][] confusion,
        List<CalibrationBin> calibration,
        DataSummary data,
        List<String> notes,
        double trainSeconds,
        String createdBy,
        String createdAt) {

    /**
     * One line of the metrics table: the model's figure beside the same figure for the two baselines.
     * Baseline values are null where a baseline has no such figure (training accuracy, the raw forest).
     *
     * @param remark      a few words shown beside the figure ("lower is better", "not a measure of skill")
     * @param explanation one or two sentences for a tooltip or a workshop slide
     */
    public record Figure(String key, String label, double model, Double majority, Double prior,
                         boolean lowerIsBetter, String remark, String explanation) {
    }

    public static ModelReport of(ModelMetadata m) {
        Evaluation e = m.evaluation();
        if (e == null) {
            throw new BundleException("model '" + m.name() + "' has no recorded evaluation");
        }
        Scores s = e.model().scores();
        Map<String, Scores> baselines = new LinkedHashMap<>();
        baselines.put("majority", e.majority());
        baselines.put("prior", e.prior());
        return new ModelReport(m.name(), m.datasetName(), m.target(), m.featureSet(), m.features(), m.split(), m.seed(),
                m.settings(), s.accuracy(), s.balancedAccuracy(), s.macroPrecision(), s.macroRecall(), s.macroF1(),
                s.weightedPrecision(), s.weightedRecall(), s.weightedF1(), s.top3Accuracy(), s.logLoss(),
                e.forestOnly().logLoss(), s.brier(), s.ece(), e.trainAccuracy(), e.blendWeight(), e.nTrain(), e.nTest(),
                m.classes().size(), m.classes(), baselines, e.model().perClass(), e.model().confusion(),
                e.model().calibration(), m.data(), notes(m), m.trainSeconds(), m.createdBy(), m.createdAt());
    }

    /** The metrics table, in the order both the pane and the command line show it. */
    public List<Figure> figures() {
        Scores maj = baselines.get("majority");
        Scores pri = baselines.get("prior");
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("accuracy", "Accuracy (top-1)", accuracy, maj.accuracy(), pri.accuracy(), false, "",
                "Share of test incidents whose most probable class was the true one."));
        f.add(new Figure("top3_accuracy", "Top-3 accuracy", top3Accuracy, maj.top3Accuracy(), pri.top3Accuracy(), false, "",
                "Share of test incidents whose true class was among the three most probable."));
        f.add(new Figure("balanced_accuracy", "Balanced accuracy", balancedAccuracy, maj.balancedAccuracy(),
                pri.balancedAccuracy(), false, "", "Accuracy averaged over classes, so rare classes count as much as common ones."));
        f.add(new Figure("macro_f1", "Macro F1", macroF1, maj.macroF1(), pri.macroF1(), false, "",
                "F1 (balance of precision and recall) averaged over classes."));
        f.add(new Figure("weighted_f1", "Weighted F1", weightedF1, maj.weightedF1(), pri.weightedF1(), false, "",
                "F1 averaged over classes, weighted by how often each occurs."));
        f.add(new Figure("log_loss", "Log loss", logLoss, maj.logLoss(), pri.logLoss(), true, "lower is better",
                "How surprised the model was by the true classes; lower is better. The prior's figure is the one to beat."));
        f.add(new Figure("brier", "Brier score", brier, maj.brier(), pri.brier(), true, "lower is better",
                "Squared error of the probabilities, 0 (perfect) to 2; lower is better."));
        f.add(new Figure("ece", "Calibration error (ECE)", ece, maj.ece(), pri.ece(), true, "lower is better",
                "How far stated confidence is from how often the model is right; lower is better."));
        f.add(new Figure("log_loss_raw", "Log loss of the forest alone", logLossRaw, null, null, true,
                String.format(Locale.ROOT, "before blending with the prior (weight %.3f)", blendWeight),
                "The forest on its own gives some true classes a probability of 0, which log loss punishes hard; "
                        + "the delivered model blends it with the prior, with the weight chosen on the training rows' "
                        + "out-of-bag scores (each row scored only by the trees that never saw it)."));
        f.add(new Figure("train_accuracy", "Accuracy on its own training rows", trainAccuracy, null, null, false,
                "on its own training rows, not a measure of skill",
                "A model can memorise the rows it was shown; only the figures on unseen test rows say how it will do. "
                        + "Training-row accuracy is how a 72 % 'accuracy' can be reported for a model like the paper's."));
        return f;
    }

    /** A figure as both front ends print it: three decimals, one for large values, "-" for none. */
    public static String format(Double x) {
        if (x == null) {
            return "-";
        }
        return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.3f", x);
    }

    /** Which model this is and what it was trained and tested on, in two lines. */
    public List<String> headline() {
        List<String> lines = new ArrayList<>(2);
        lines.add(String.format(Locale.ROOT, "Model '%s': dataset '%s', target %s (%d %s), features %s (%s), %s split, seed %d",
                model, dataset, target, nClasses, kinds(target), featureSet, String.join(", ", features), split, seed));
        if (data != null) {
            lines.add(String.format(Locale.ROOT, "Trained on %,d rows (%s to %s), tested on %,d rows it never saw (%s to %s).",
                    nTrain, day(data.trainFrom()), day(data.trainTo()), nTest, day(data.testFrom()), day(data.testTo())));
        }
        return lines;
    }

    private static String day(String isoDateTime) {
        return isoDateTime == null ? "?" : isoDateTime.length() >= 10 ? isoDateTime.substring(0, 10) : isoDateTime;
    }

    /** Plain-language remarks: where the model is weak, how it compares, and what training left out. */
    static List<String> notes(ModelMetadata m) {
        Evaluation e = m.evaluation();
        Scores s = e.model().scores();
        List<String> notes = new ArrayList<>();
        int k = m.classes().size();
        String kinds = kinds(m.target());
        if (s.accuracy() < 0.5) {
            String instead = "category".equals(m.target()) ? "use the top-3 list or hotspots"
                    : "use the top-3 list, the category target, or hotspots";
            notes.add(String.format(Locale.ROOT, "Top-1 accuracy is low for %d %s (%.1f %%; always guessing '%s' gets %.1f %%): "
                            + "%s. The true class was among the top three %.1f %% of the time (prior: %.1f %%).",
                    k, kinds, 100 * s.accuracy(), k > 0 ? m.classes().get(0) : "?", 100 * e.majority().accuracy(), instead,
                    100 * s.top3Accuracy(), 100 * e.prior().top3Accuracy()));
        }
        if (s.logLoss() < e.prior().logLoss()) {
            notes.add(String.format(Locale.ROOT, "Its probabilities beat the class frequencies (the prior): log loss %.3f "
                    + "against %.3f, lower is better.", s.logLoss(), e.prior().logLoss()));
        } else {
            notes.add(String.format(Locale.ROOT, "Its probabilities are no better than the class frequencies (the prior): "
                    + "log loss %.3f against %.3f. Do not rely on them.", s.logLoss(), e.prior().logLoss()));
        }
        if (e.trainAccuracy() - s.accuracy() >= 0.1) {
            notes.add(String.format(Locale.ROOT, "It gets %.1f %% right on its own training rows but %.1f %% on unseen rows: "
                    + "the gap is memorisation, not skill.", 100 * e.trainAccuracy(), 100 * s.accuracy()));
        }
        if (e.forestOnly().logLoss() > s.logLoss() + 0.05) {
            notes.add(String.format(Locale.ROOT, "The forest alone gives some true classes a probability of 0 (log loss %.2f); "
                    + "blending it with the prior (weight %.3f) brings that to %.2f.", e.forestOnly().logLoss(),
                    e.blendWeight(), s.logLoss()));
        }
        if (m.sample() != null && m.sample().sampled()) {
            notes.add(m.sample().describe());
        }
        DataSummary d = m.data();
        if (d != null) {
            if (d.classesRemoved() > 0) {
                boolean one = d.classesRemoved() == 1;
                notes.add(String.format(Locale.ROOT, "%d %s with fewer than %s training rows %s left out (%,d training "
                                + "and %,d test rows); the model never predicts %s.", d.classesRemoved(),
                        one ? kind(m.target()) : kinds,
                        m.settings().getOrDefault(TrainingSettings.PREFIX + "min_class_size", "?"), one ? "was" : "were",
                        d.trainRowsRemoved(), d.testRowsRemoved(), one ? "it" : "them"));
            }
            if (d.unmappedToOther() > 0) {
                notes.add(String.format(Locale.ROOT, "%,d rows were not in the category map and count as 'other'.",
                        d.unmappedToOther()));
            }
            if (d.rowsWithoutLabel() > 0) {
                notes.add(String.format(Locale.ROOT, "%,d rows had no %s and were left out.", d.rowsWithoutLabel(),
                        "group".equals(m.target()) ? "offence group" : "category".equals(m.target()) ? "category" : "offence description"));
            }
        }
        return List.copyOf(notes);
    }

    /** What one class is called in a sentence: "offence type", "offence group" or "category". */
    public static String kind(String target) {
        return switch (target) {
            case "group" -> "offence group";
            case "category" -> "category";
            default -> "offence type";
        };
    }

    /** What the classes are called in a sentence: "offence types", "offence groups" or "categories". */
    public static String kinds(String target) {
        return switch (target) {
            case "group" -> "offence groups";
            case "category" -> "categories";
            default -> "offence types";
        };
    }
}
