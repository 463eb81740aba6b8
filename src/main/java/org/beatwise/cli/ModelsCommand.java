package org.beatwise.cli;

import java.util.List;
import java.util.Locale;
import org.beatwise.model.ModelService;
import org.beatwise.model.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The saved models with their headline test figures. */
@Command(name = "models", description = "List the saved models with their test figures beside the prior's log loss.")
final class ModelsCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;

    ModelsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ModelService models = ctx.services().models();
        List<ModelSummary> list = models.list();
        String last = models.lastUsed().orElse("");
        StringBuilder sb = new StringBuilder();
        if (list.isEmpty()) {
            sb.append("No saved models. Train one with 'beatwise train --dataset NAME'.");
        } else {
            sb.append(String.format(Locale.ROOT, "%-2s%-40s %-24s %-11s %-10s %7s %6s %6s %17s %9s  %s%n", "", "NAME", "DATASET",
                    "TARGET", "SPLIT", "CLASSES", "TOP-1", "TOP-3", "LOG LOSS (PRIOR)", "SIZE", "CREATED"));
            for (ModelSummary m : list) {
                String mark = m.name().equals(last) ? "* " : "  ";
                if (m.problem() != null) {
                    sb.append(String.format(Locale.ROOT, "%s%-40s unreadable: %s%n", mark, m.name(), m.problem()));
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "%s%-40s %-24s %-11s %-10s %7d %6.3f %6.3f %8.3f (%6.3f) %9s  %s by %s%n",
                        mark, m.name(), ModelText.shorten(m.dataset(), 24), m.target(), m.split(), m.classes(), m.accuracy(),
                        m.top3Accuracy(), m.logLoss(), m.priorLogLoss(), ModelText.megabytes(m.bytes()),
                        m.createdAt().length() >= 16 ? m.createdAt().substring(0, 16) : m.createdAt(), m.createdBy()));
            }
            if (!last.isEmpty()) {
                sb.append("* last used");
            }
        }
        ctx.print(options.json, list, sb.toString().stripTrailing());
    }
}
