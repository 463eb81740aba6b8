package org.beatwise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;

/**
 * A model's test figures group by group (district, offence category, hour band), each beside the two
 * baselines scored on the same rows of the same group, so a supervisor sees where the model is weaker
 * than guessing and where a group is too small to say.
 *
 * @param nTest all test rows; the groups' sizes add up to it
 */
public record GroupEvaluation(String model, String by, int nTest, List<Group> groups) {

    /** Groups with fewer test rows than this get a note: their figures move a lot with a few rows. */
    public static final int FEW_ROWS = 30;

    public GroupEvaluation {
        groups = List.copyOf(groups);
    }

    /**
     * @param majority always the most frequent training class, on this group's rows
     * @param prior    the training class frequencies, on this group's rows
     * @param notes    where the model is below a baseline or the group is small; empty otherwise
     */
    public record Group(String group, int n, double accuracy, double top3Accuracy, double logLoss, Baseline majority,
                        Baseline prior, List<String> notes) {
        public Group {
            notes = List.copyOf(notes);
        }
    }

    public record Baseline(double accuracy, double top3Accuracy, double logLoss) {
        static Baseline of(Scores s) {
            return new Baseline(s.accuracy(), s.top3Accuracy(), s.logLoss());
        }
    }

    public static GroupEvaluation of(String model, HeldOutRows rows, Grouping by, OffenseCategories categories) {
        Predictor predictor = rows.predictor();
        List<String> classes = predictor.classes();
        int k = classes.size();
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            members.computeIfAbsent(by.groupOf(rows.incidents().get(i), categories), g -> new ArrayList<>()).add(i);
        }
        double[] prior = predictor.prior();
        double[] oneHot = new double[k];
        oneHot[0] = 1; // classes are ordered by training frequency: class 0 is the majority class
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            int n = e.getValue().size();
            int[] truth = new int[n];
            double[][] probs = new double[n][k];
            double[][] priorProbs = new double[n][];
            double[][] majorityProbs = new double[n][];
            for (int j = 0; j < n; j++) {
                int i = e.getValue().get(j);
                truth[j] = rows.truth()[i];
                predictor.probabilities(Query.of(rows.incidents().get(i)), probs[j]);
                priorProbs[j] = prior;
                majorityProbs[j] = oneHot;
            }
            Scores s = Metrics.of(classes, truth, probs).scores();
            Baseline majority = Baseline.of(Metrics.of(classes, truth, majorityProbs).scores());
            Baseline priorScores = Baseline.of(Metrics.of(classes, truth, priorProbs).scores());
            groups.add(new Group(e.getKey(), n, s.accuracy(), s.top3Accuracy(), s.logLoss(), majority, priorScores,
                    notes(n, s, majority, priorScores)));
        }
        groups.sort((a, b) -> Integer.compare(b.n(), a.n()));
        return new GroupEvaluation(model, by.key(), rows.size(), groups);
    }

    static List<String> notes(int n, Scores s, Baseline majority, Baseline prior) {
        List<String> notes = new ArrayList<>();
        if (n < FEW_ROWS) {
            notes.add("only " + n + " test rows: too few to judge");
        }
        if (s.accuracy() < majority.accuracy()) {
            notes.add(String.format(Locale.ROOT, "accuracy %.3f below always guessing the most frequent class (%.3f)",
                    s.accuracy(), majority.accuracy()));
        }
        if (s.top3Accuracy() < prior.top3Accuracy()) {
            notes.add(String.format(Locale.ROOT, "top-3 %.3f below guessing the three most frequent classes (%.3f)",
                    s.top3Accuracy(), prior.top3Accuracy()));
        }
        if (s.logLoss() > prior.logLoss()) {
            notes.add(String.format(Locale.ROOT, "log loss %.3f worse than the training class frequencies (%.3f)",
                    s.logLoss(), prior.logLoss()));
        }
        return notes;
    }

    /** The groups' sizes, for checks that they add up. */
    public int[] sizes() {
        return groups.stream().mapToInt(Group::n).toArray();
    }

    @Override
    public String toString() {
        return "GroupEvaluation[" + model + " by " + by + ", " + nTest + " rows, sizes " + Arrays.toString(sizes()) + "]";
    }
}
