package org.beatwise.cli;

import java.util.Locale;
import org.beatwise.model.ClassMetrics;
import org.beatwise.model.ModelReport;

/** The text (non-JSON) form of a model's report, shared by {@code train} and {@code evaluate}. */
final class ModelText {

    private ModelText() { }

    static String report(ModelReport r) {
        StringBuilder sb = new StringBuilder();
        r.headline().forEach(line -> sb.append(line).append('\n'));
        sb.append(String.format(Locale.ROOT, "%nTest figures beside the baselines (majority: always the most frequent class; "
                + "prior: the training class frequencies for every row)%n"));
        sb.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s%n", "", "model", "majority", "prior"));
        for (ModelReport.Figure f : r.figures()) {
            sb.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s", f.label(), ModelReport.format(f.model()),
                    ModelReport.format(f.majority()), ModelReport.format(f.prior())));
            if (!f.remark().isEmpty()) {
                sb.append("   ").append(f.remark());
            }
            sb.append('\n');
        }
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        sb.append(String.format(Locale.ROOT, "%nPer class, on the test rows:%n%-40s %9s %9s %9s %8s%n", "class", "precision",
                "recall", "f1", "support"));
        for (ClassMetrics c : r.perClass()) {
            sb.append(String.format(Locale.ROOT, "%-40s %9.3f %9.3f %9.3f %8d%n", shorten(c.label(), 40), c.precision(),
                    c.recall(), c.f1(), c.support()));
        }
        sb.append("\nRun with --json for the confusion matrix and the calibration bins.");
        return sb.toString();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
