package org.beatwise.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.importing.ImportReport;
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
        ctx.print(options.json, all.stream().map(Entry::of).toList(),
                all.isEmpty() ? "No datasets. Import one with 'beatwise import FILE'." : text.toString().stripTrailing());
    }

    /**
     * A dataset in the JSON document. The totals of its cleaning report are left out, not null, for an
     * empty dataset.
     */
    record Entry(String name, boolean synthetic, long rows, LocalDateTime firstOccurred, LocalDateTime lastOccurred,
                 String createdBy, Instant createdAt, Instant updatedAt, String mapping,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Long rowsRead,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Long rowsKept,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> dropped,
                 List<DatasetInfo.FileInfo> files) {

        static Entry of(DatasetInfo d) {
            ImportReport r = d.report();
            return new Entry(d.name(), d.synthetic(), d.rows(), d.firstOccurred(), d.lastOccurred(), d.createdBy(),
                    d.createdAt(), d.updatedAt(), d.mapping(), r == null ? null : r.rowsRead(),
                    r == null ? null : r.rowsKept(), r == null ? null : r.droppedCounts(), d.files());
        }
    }
}
