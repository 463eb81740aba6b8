package org.beatwise.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Locale;
import org.beatwise.model.ExplanationService;
import org.beatwise.model.FeatureImportance;
import org.beatwise.model.GroupEvaluation;
import org.beatwise.model.Grouping;
import org.beatwise.model.ModelReport;
import org.beatwise.model.PermutationImportance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A saved model's test figures, every one beside the majority and prior baselines. */
@Command(name = "evaluate", description = {"Show a saved model's figures on its test rows, beside the baselines.",
        "The figures were measured once, on rows the model never saw, when it was trained. Permutation importance "
                + "and --by groups are computed now on the same test rows, found again in the model's dataset."})
final class EvaluateCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--model", required = true, paramLabel = "NAME") String model;
    @Option(names = "--by", paramLabel = "district|category|hour-band",
            description = "Also show the figures per group of test rows, each beside the baselines on that group.")
    String by;
    @Option(names = "--importance-seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the shuffles for permutation importance (default 42).")
    int importanceSeed;
    @Option(names = "--no-importance", description = "Skip permutation importance (it reads the dataset again).")
    boolean noImportance;

    /**
     * The report as before, with what was computed now beside it.
     *
     * @param explanationsUnavailable why importance or groups could not be computed (dataset gone or changed), else null
     */
    record Output(@JsonUnwrapped ModelReport report, FeatureImportance featureImportance, GroupEvaluation byGroup,
                  String explanationsUnavailable) { }

    EvaluateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ModelReport report = ctx.services().models().report(model);
        Grouping grouping = by == null ? null : Grouping.parse(by);
        FeatureImportance importance = null;
        GroupEvaluation groups = null;
        String unavailable = null;
        if (!noImportance || grouping != null) {
            ExplanationService explanations = ctx.services().explanations();
            try {
                ExplanationService.Explained e = explanations.explainModel(model, grouping, importanceSeed,
                        PermutationImportance.DEFAULT_REPEATS);
                importance = noImportance ? null : e.importance();
                groups = e.groups();
            } catch (IllegalArgumentException e) {
                if (grouping != null) {
                    throw e; // asked for by name: the command fails with the reason
                }
                unavailable = e.getMessage();
            }
        }
        Output out = new Output(report, importance, groups, unavailable);
        ctx.print(options.json, out, text(out));
    }

    private static String text(Output o) {
        StringBuilder sb = new StringBuilder(ModelText.report(o.report()));
        if (o.featureImportance() != null) {
            FeatureImportance f = o.featureImportance();
            sb.append(String.format(Locale.ROOT, "%n%nPermutation importance on %d test rows (seed %d, %d shuffles each):%n",
                    f.rows(), f.seed(), f.repeats()));
            sb.append(String.format(Locale.ROOT, "  %-12s %18s %12s%n", "feature", "log loss increase", "top-3 drop"));
            for (FeatureImportance.Feature x : f.features()) {
                sb.append(String.format(Locale.ROOT, "  %-12s %18.4f %12.4f%n", x.feature(), x.logLossIncrease(), x.top3Drop()));
            }
            sb.append("  ").append(f.note());
        }
        if (o.explanationsUnavailable() != null) {
            sb.append(System.lineSeparator()).append(System.lineSeparator()).append("Permutation importance not computed: ")
                    .append(o.explanationsUnavailable());
        }
        if (o.byGroup() != null) {
            GroupEvaluation g = o.byGroup();
            sb.append(String.format(Locale.ROOT, "%n%nBy %s (%d test rows); each figure beside majority / prior on the same rows:%n",
                    g.by(), g.nTest()));
            sb.append(String.format(Locale.ROOT, "  %-22s %6s %20s %20s %20s%n", "group", "rows", "accuracy", "top-3", "log loss"));
            for (GroupEvaluation.Group x : g.groups()) {
                sb.append(String.format(Locale.ROOT, "  %-22s %6d %6.3f (%.3f/%.3f) %6.3f (%.3f/%.3f) %6.3f (%.3f/%.3f)%n",
                        ModelText.shorten(x.group(), 22), x.n(), x.accuracy(), x.majority().accuracy(), x.prior().accuracy(),
                        x.top3Accuracy(), x.majority().top3Accuracy(), x.prior().top3Accuracy(),
                        x.logLoss(), x.majority().logLoss(), x.prior().logLoss()));
                x.notes().forEach(n -> sb.append("      ").append(n).append(System.lineSeparator()));
            }
        }
        return sb.toString().stripTrailing();
    }
}
