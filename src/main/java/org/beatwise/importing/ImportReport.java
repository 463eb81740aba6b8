package org.beatwise.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import of one file did: rows read and kept, and for each drop reason its count and up to
 * {@value #MAX_EXAMPLES} examples. A plain record so that Jackson can write it as JSON for the
 * dataset, the CLI and the UI alike.
 *
 * @param file          file name (no directory)
 * @param encoding      character set the file was read with
 * @param encodingNote  why that character set (detected, fallback, forced), or null
 * @param schema        "BPD" for the Boston Police Department export, else "column mapping"
 * @param mapping       the mapping used, as field=header pairs
 * @param dateFormat    "known formats" or the java.time pattern used
 * @param firstOccurred earliest kept incident, null when none was kept
 * @param lastOccurred  latest kept incident, null when none was kept
 */
public record ImportReport(
        String file,
        String encoding,
        String encodingNote,
        String schema,
        String mapping,
        String dateFormat,
        long rowsRead,
        long rowsKept,
        Map<DropReason, Drop> dropped,
        LocalDateTime firstOccurred,
        LocalDateTime lastOccurred) {

    public static final int MAX_EXAMPLES = 5;

    public ImportReport {
        EnumMap<DropReason, Drop> copy = new EnumMap<>(DropReason.class);
        if (dropped != null) {
            copy.putAll(dropped);
        }
        dropped = Collections.unmodifiableMap(copy);
    }

    /** Share of rows kept, 0..1 (0 when no row was read). */
    public double keptShare() {
        return rowsRead == 0 ? 0 : (double) rowsKept / rowsRead;
    }

    /** Count for one reason, 0 when none. */
    public long count(DropReason reason) {
        Drop d = dropped.get(reason);
        return d == null ? 0 : d.count();
    }

    /** Reason key → count, in reason order, for compact JSON. */
    public Map<String, Long> droppedCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        dropped.forEach((r, d) -> m.put(r.key(), d.count()));
        return m;
    }

    /** One reason's count and first examples. */
    public record Drop(long count, List<Example> examples) {
        public Drop {
            examples = List.copyOf(examples);
        }
    }

    /** A dropped row: the line it started on, the column at fault and the value found there. */
    public record Example(long line, String column, String value) {
    }

    /** Adds up reports of several files of one import (examples keep their file name). */
    public static ImportReport combine(String name, List<ImportReport> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        long read = 0;
        long kept = 0;
        Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        Map<DropReason, List<Example>> examples = new EnumMap<>(DropReason.class);
        LocalDateTime first = null;
        LocalDateTime last = null;
        List<String> encodings = new ArrayList<>();
        for (ImportReport p : parts) {
            read += p.rowsRead;
            kept += p.rowsKept;
            if (!encodings.contains(p.encoding)) {
                encodings.add(p.encoding);
            }
            p.dropped.forEach((r, d) -> {
                counts.merge(r, d.count(), Long::sum);
                List<Example> ex = examples.computeIfAbsent(r, k -> new ArrayList<>());
                for (Example e : d.examples()) {
                    if (ex.size() < MAX_EXAMPLES) {
                        ex.add(new Example(e.line(), e.column(), p.file + ": " + e.value()));
                    }
                }
            });
            first = min(first, p.firstOccurred);
            last = max(last, p.lastOccurred);
        }
        Map<DropReason, Drop> dropped = new EnumMap<>(DropReason.class);
        counts.forEach((r, c) -> dropped.put(r, new Drop(c, examples.get(r))));
        ImportReport p0 = parts.get(0);
        return new ImportReport(name, String.join(", ", encodings), null, p0.schema, p0.mapping, p0.dateFormat,
                read, kept, dropped, first, last);
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : (b.isBefore(a) ? b : a);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : (b.isAfter(a) ? b : a);
    }

    /** Counts drops and keeps the first examples while a file is read. */
    static final class Builder {
        private final long[] counts = new long[DropReason.values().length];
        private final List<List<Example>> examples = new ArrayList<>();
        long rowsRead;
        long rowsKept;
        LocalDateTime first;
        LocalDateTime last;

        Builder() {
            for (int i = 0; i < counts.length; i++) {
                examples.add(new ArrayList<>(MAX_EXAMPLES));
            }
        }

        void drop(DropReason reason, long line, String column, String value) {
            int i = reason.ordinal();
            counts[i]++;
            if (examples.get(i).size() < MAX_EXAMPLES) {
                examples.get(i).add(new Example(line, column, value));
            }
        }

        void kept(LocalDateTime at) {
            rowsKept++;
            first = min(first, at);
            last = max(last, at);
        }

        ImportReport build(String file, String encoding, String note, String schema, String mapping, String dateFormat) {
            Map<DropReason, Drop> dropped = new EnumMap<>(DropReason.class);
            for (DropReason r : DropReason.values()) {
                if (counts[r.ordinal()] > 0) {
                    dropped.put(r, new Drop(counts[r.ordinal()], examples.get(r.ordinal())));
                }
            }
            return new ImportReport(file, encoding, note, schema, mapping, dateFormat, rowsRead, rowsKept,
                    dropped, first, last);
        }
    }
}
