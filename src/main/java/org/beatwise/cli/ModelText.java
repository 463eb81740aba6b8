package org.beatwise.cli;

import java.util.Locale;
import org.beatwise.model.ClassMetrics;
import org.beatwise.model.DataSummary;
import org.beatwise.model.ModelReport;

/** The text (non-JSON) form of a model's report, shared by {@code train} and {@code evaluate}. */
final class ModelText {

    private ModelText() { }

    static String report(ModelReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Model '%s': dataset '%s', target %s (%d %s), features %s (%s), %s split, seed %d%n",
                r.model(), r.dataset(), r.target(), r.nClasses(), ModelReport.kinds(r.target()), r.featureSet(),
                String.join(", ", r.features()), r.split(), r.seed()));
        DataSummary d = r.data();
        if (d != null) {
            sb.append(String.format(Locale.ROOT, "Trained on %,d rows (%s to %s), tested on %,d rows it never saw (%s to %s).%n",
                    r.nTrain(), day(d.trainFrom()), day(d.trainTo()), r.nTest(), day(d.testFrom()), day(d.testTo())));
        }
        sb.append(String.format(Locale.ROOT, "%nTest figures beside the baselines (majority: always the most frequent class; "
                + "prior: the training class frequencies for every row)%n"));
        sb.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s%n", "", "model", "majority", "prior"));
        for (ModelReport.Figure f : r.figures()) {
            sb.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s", f.label(), number(f.model()), number(f.majority()),
                    number(f.prior())));
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

    static String number(Double x) {
        if (x == null) {
            return "-";
        }
        return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.3f", x);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String day(String isoDateTime) {
        return isoDateTime == null ? "?" : isoDateTime.length() >= 10 ? isoDateTime.substring(0, 10) : isoDateTime;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
