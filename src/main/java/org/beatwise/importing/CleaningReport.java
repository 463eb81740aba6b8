package org.beatwise.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import's cleaning report in the one shape that datasets store, the {@code import} and
 * {@code dataset show} commands print and the Data pane shows, so that none of them can disagree.
 * {@link ImportReport} is what the reader counts; this is how it is presented.
 *
 * @param file         file name; null for the total of an import, which lists its files beside it
 * @param keptShare    rows kept / rows read, rounded to 4 decimals (0 when no row was read)
 * @param dropped      reason key ({@link DropReason#key()}) → count, in reason order
 * @param examples     reason key → the first examples of that reason, in reason order
 * @param encodingNote why that character set (detected, fallback, forced), or null
 */
public record CleaningReport(
        @JsonInclude(JsonInclude.Include.NON_NULL) String file,
        long rowsRead,
        long rowsKept,
        double keptShare,
        Map<String, Long> dropped,
        Map<String, List<ImportReport.Example>> examples,
        String encoding,
        @JsonInclude(JsonInclude.Include.NON_NULL) String encodingNote,
        String schema,
        String mapping,
        String dateFormat,
        LocalDateTime firstOccurred,
        LocalDateTime lastOccurred) {

    public CleaningReport {
        // reason order is part of the document, so copies keep insertion order
        dropped = Collections.unmodifiableMap(dropped == null ? new LinkedHashMap<>() : new LinkedHashMap<>(dropped));
        examples = Collections.unmodifiableMap(examples == null ? new LinkedHashMap<>() : new LinkedHashMap<>(examples));
    }

    /**
     * One line of the "dropped because" table.
     *
     * @param key      the reason's key, as in {@link #dropped()}
     * @param reason   the reason in words
     * @param share    count / rows read, 0..1
     * @param examples each example as "line N, column: value"
     */
    public record Reason(String key, String reason, long count, double share, List<String> examples) {
        public Reason {
            examples = List.copyOf(examples);
        }

        /** The examples on one line, for a table cell. */
        public String examplesText() {
            return String.join("; ", examples);
        }
    }

    public static CleaningReport of(ImportReport r) {
        Map<String, List<ImportReport.Example>> examples = new LinkedHashMap<>();
        r.dropped().forEach((reason, d) -> examples.put(reason.key(), d.examples()));
        return new CleaningReport(r.file(), r.rowsRead(), r.rowsKept(), Math.round(r.keptShare() * 10_000) / 10_000.0,
                r.droppedCounts(), examples, r.encoding(), r.encodingNote(), r.schema(), r.mapping(), r.dateFormat(),
                r.firstOccurred(), r.lastOccurred());
    }

    /** The same report without its file name: the total of an import, printed beside its files. */
    public CleaningReport withoutFile() {
        return new CleaningReport(null, rowsRead, rowsKept, keptShare, dropped, examples, encoding, encodingNote,
                schema, mapping, dateFormat, firstOccurred, lastOccurred);
    }

    /** The counts back as a report (for reading a stored one). */
    public ImportReport toImportReport() {
        Map<DropReason, ImportReport.Drop> drops = new EnumMap<>(DropReason.class);
        dropped.forEach((key, count) -> drops.put(DropReason.ofKey(key),
                new ImportReport.Drop(count, examples.getOrDefault(key, List.of()))));
        return new ImportReport(file, encoding, encodingNote, schema, mapping, dateFormat, rowsRead, rowsKept, drops,
                firstOccurred, lastOccurred);
    }

    /** The drop reasons in reason order, with counts, shares of the rows read and examples. */
    public List<Reason> reasons() {
        List<Reason> rows = new ArrayList<>(dropped.size());
        dropped.forEach((key, count) -> rows.add(new Reason(key, DropReason.ofKey(key).label(), count,
                rowsRead == 0 ? 0 : (double) count / rowsRead,
                examples.getOrDefault(key, List.of()).stream().map(CleaningReport::example).toList())));
        return rows;
    }

    /** One sentence: the file, rows read and kept, and the days the kept incidents span. */
    public String summary() {
        return String.format("%s: %,d rows read, %,d kept (%.1f %%)%s", file, rowsRead, rowsKept, 100 * exactKeptShare(),
                firstOccurred == null ? ""
                        : ", incidents from " + firstOccurred.toLocalDate() + " to " + lastOccurred.toLocalDate());
    }

    /** The report as a block of text: a heading line, the counts, then each reason with its examples. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(file).append(": ").append(schema).append(", ").append(encoding);
        if (encodingNote != null) {
            b.append(" (").append(encodingNote).append(')');
        }
        b.append('\n');
        b.append(String.format("  rows read %,12d%n  rows kept %,12d  (%.1f %%)%n", rowsRead, rowsKept, 100 * exactKeptShare()));
        if (firstOccurred != null) {
            b.append("  incidents from ").append(firstOccurred).append(" to ").append(lastOccurred).append('\n');
        }
        for (Reason r : reasons()) {
            b.append(String.format("  dropped %,9d  %s%n", r.count(), r.reason()));
            r.examples().forEach(x -> b.append("      ").append(x).append('\n'));
        }
        return b.toString();
    }

    /** Unrounded, so that a percentage shown with one decimal is not rounded twice. */
    private double exactKeptShare() {
        return rowsRead == 0 ? 0 : (double) rowsKept / rowsRead;
    }

    private static String example(ImportReport.Example x) {
        return "line " + x.line() + (x.column() == null ? "" : ", " + x.column()) + ": "
                + (x.value().isEmpty() ? "(empty)" : x.value());
    }
}
