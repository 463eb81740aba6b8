package org.beatwise.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatwise.importing.DatasetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists datasets. */
@Command(name = "datasets", description = "List datasets with their size, date range and cleaning summary.")
final class DatasetsCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;

    DatasetsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        List<DatasetInfo> all = ctx.services().datasets().datasets();
        StringBuilder text = new StringBuilder(String.format("%-28s %10s  %-10s  %-10s  %5s  %s%n",
                "DATASET", "INCIDENTS", "FROM", "TO", "FILES", "KEPT"));
        for (DatasetInfo d : all) {
            text.append(String.format("%-28s %,10d  %-10s  %-10s  %5d  %s%s%n", d.name(), d.rows(),
                    d.firstOccurred() == null ? "-" : d.firstOccurred().toLocalDate(),
                    d.lastOccurred() == null ? "-" : d.lastOccurred().toLocalDate(), d.files().size(),
                    d.report() == null ? "-" : String.format("%.1f %% of %,d", 100 * d.report().keptShare(), d.report().rowsRead()),
                    d.synthetic() ? "  (synthetic)" : ""));
        }
        ctx.print(options.json, all.stream().map(DatasetsCommand::json).toList(),
                all.isEmpty() ? "No datasets. Import one with 'beatwise import FILE'." : text.toString().stripTrailing());
    }

    static Map<String, Object> json(DatasetInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("synthetic", d.synthetic());
        m.put("rows", d.rows());
        m.put("first_occurred", d.firstOccurred());
        m.put("last_occurred", d.lastOccurred());
        m.put("created_by", d.createdBy());
        m.put("created_at", d.createdAt());
        m.put("updated_at", d.updatedAt());
        m.put("mapping", d.mapping());
        if (d.report() != null) {
            m.put("rows_read", d.report().rowsRead());
            m.put("rows_kept", d.report().rowsKept());
            m.put("dropped", d.report().droppedCounts());
        }
        m.put("files", d.files());
        return m;
    }
}
