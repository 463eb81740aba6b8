package org.beatwise.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;

/**
 * Streams one CSV file into cleaned incidents: detects the encoding and the schema (or applies a
 * mapping), cleans each row, drops and counts bad rows, and hands every kept row to a consumer so that
 * storage can insert in batches. Memory stays flat: one record at a time, plus the duplicate filter's
 * 8–16 bytes per kept row.
 *
 * <p>A file that cannot be imported at all raises {@link ImportException}; the caller's transaction
 * then discards whatever the consumer already received.
 */
public final class IncidentReader {

    /** Longest field accepted; longer means a broken quote, not data. */
    public static final int MAX_FIELD_CHARS = 1 << 20;
    /** With no date parsed yet, this many unparseable dates in a row mean the format is unknown. */
    static final int DATE_FAILURES_BEFORE_GIVING_UP = 20;
    private static final int PROGRESS_EVERY = 4096;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrailingData(true).get();

    private final ImportOptions options;
    private final int maxFieldChars;

    public IncidentReader(ImportOptions options) {
        this(options, MAX_FIELD_CHARS);
    }

    IncidentReader(ImportOptions options, int maxFieldChars) {
        this.options = options == null ? ImportOptions.defaults() : options;
        this.maxFieldChars = maxFieldChars;
    }

    /** Headers, the first rows as text and the detected mapping, for the UI's preview and mapping step. */
    public record Preview(String file, String encoding, String encodingNote, List<String> headers,
                          List<List<String>> rows, Optional<ColumnMapping> detected) {
    }

    public Preview preview(Path file, int maxRows) {
        String name = file.getFileName().toString();
        try {
            CsvInput.Decision enc = CsvInput.decide(file, options.encoding());
            try (CsvGuardReader guard = new CsvGuardReader(CsvInput.open(file, enc), name, maxFieldChars);
                 CSVParser parser = FORMAT.parse(guard)) {
                Iterator<CSVRecord> it = parser.iterator();
                List<String> headers = headers(name, it);
                List<List<String>> rows = new ArrayList<>();
                while (rows.size() < maxRows && it.hasNext()) {
                    rows.add(it.next().toList());
                }
                // exactly what read() would use without a mapping, so the preview never promises more
                Optional<ColumnMapping> detected = ColumnMapping.bpd(headers)
                        .or(() -> MappingGuesser.guess(headers, List.of()).toMapping());
                return new Preview(name, enc.charset().name(), enc.note(), headers, rows, detected);
            }
        } catch (IOException | UncheckedIOException e) {
            throw ioFailure(name, e);
        }
    }

    /**
     * Reads the file, pushing each kept row to {@code sink}.
     *
     * @param dupes    duplicate filter shared by all files of this import (and knowing the dataset's keys)
     * @param progress receives rows read; cancel is checked every few thousand rows
     * @throws ImportException when the file cannot be imported; {@link org.beatwise.task.CancelledException} on cancel
     */
    public ImportReport read(Path file, DuplicateFilter dupes, Consumer<ImportedRow> sink, Progress progress) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            CsvInput.Decision enc = CsvInput.decide(file, options.encoding());
            try (CsvGuardReader guard = new CsvGuardReader(CsvInput.open(file, enc), name, maxFieldChars);
                 CSVParser parser = FORMAT.parse(guard)) {
                Iterator<CSVRecord> it = parser.iterator();
                List<String> headers = headers(name, it);
                ColumnMapping mapping = mapping(name, headers);
                String pattern = options.datePattern() != null ? options.datePattern() : mapping.datePattern();
                Rows rows = new Rows(name, headers, mapping, DateParser.of(pattern), options.bbox(), dupes, sink);
                rows.lineBefore = parser.getCurrentLineNumber();
                while (true) {
                    CSVRecord rec;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        rec = it.next();
                    } catch (UncheckedIOException e) {
                        throw new ImportException(name, rows.lineBefore + 1, null, "cannot parse the CSV: " + e.getCause().getMessage());
                    }
                    rows.accept(rec, parser.getCurrentLineNumber());
                    if (rows.report.rowsRead % PROGRESS_EVERY == 0) {
                        long read = rows.report.rowsRead;
                        long estimate = guard.charsRead() == 0 ? -1 : Math.max(read, (long) (read * (double) size / guard.charsRead()));
                        progress.update(read, estimate, name + ": " + read + " rows read");
                        progress.checkCancelled();
                    }
                }
                if (rows.report.rowsRead == 0) {
                    throw new ImportException(name, 1, null, "the file has a header but no data rows");
                }
                rows.finish();
                progress.update(rows.report.rowsRead, rows.report.rowsRead, name + ": " + rows.report.rowsRead + " rows read");
                return rows.report.build(name, enc.charset().name(), enc.note(), mapping.isBpd() ? "BPD" : "column mapping",
                        mapping.describe(), rows.dates.describe());
            }
        } catch (IOException | UncheckedIOException e) {
            throw ioFailure(name, e);
        }
    }

    private static ImportException ioFailure(String name, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return new ImportException(name, "the bytes do not match the encoding (" + cause + "); try another --encoding");
        }
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return new ImportException(name, "no such file");
        }
        return new ImportException(name, "cannot read the file: " + cause.getMessage());
    }

    private static List<String> headers(String name, Iterator<CSVRecord> it) {
        if (!it.hasNext()) {
            throw new ImportException(name, "the file is empty (no header line)");
        }
        List<String> headers = new ArrayList<>();
        for (String h : it.next()) {
            headers.add(ColumnMapping.normalizeHeader(h));
        }
        return headers;
    }

    private ColumnMapping mapping(String name, List<String> headers) {
        ColumnMapping mapping = options.mapping();
        if (mapping == null) {
            mapping = ColumnMapping.bpd(headers)
                    .or(() -> MappingGuesser.guess(headers, List.of()).toMapping())
                    .orElseThrow(() -> new ImportException(name, 1, null, "no recognisable columns: "
                            + ColumnMapping.REQUIRED + ". Headers found: " + headers
                            + ". Map them with --column FIELD=HEADER (fields: " + Field.allKeys() + ")"));
        }
        try {
            mapping.resolve(headers);
        } catch (IllegalArgumentException e) {
            throw new ImportException(name, 1, null, e.getMessage());
        }
        return mapping;
    }

    /** The per-row work, with every column index resolved once. */
    private static final class Rows {
        final String file;
        final int fieldCount;
        final DateParser dates;
        final BoundingBox bbox;
        final DuplicateFilter dupes;
        final Consumer<ImportedRow> sink;
        final ImportReport.Builder report = new ImportReport.Builder();
        final int id, datetime, date, time, offense, code, group, district, lat, lon, street, area, shooting, ucr;
        final String latName, lonName, offenseName, dateName;
        long lineBefore;
        long datesParsed;
        long dateFailures;
        String firstBadDate;
        long firstBadDateLine;

        Rows(String file, List<String> headers, ColumnMapping mapping, DateParser dates, BoundingBox bbox,
             DuplicateFilter dupes, Consumer<ImportedRow> sink) {
            this.file = file;
            this.fieldCount = headers.size();
            this.dates = dates;
            this.bbox = bbox;
            this.dupes = dupes;
            this.sink = sink;
            int[] ix = mapping.resolve(headers);
            id = ix[Field.ID.ordinal()];
            datetime = ix[Field.DATETIME.ordinal()];
            date = ix[Field.DATE.ordinal()];
            time = ix[Field.TIME.ordinal()];
            offense = ix[Field.OFFENSE.ordinal()];
            code = ix[Field.OFFENSE_CODE.ordinal()];
            group = ix[Field.OFFENSE_GROUP.ordinal()];
            district = ix[Field.DISTRICT.ordinal()];
            lat = ix[Field.LAT.ordinal()];
            lon = ix[Field.LON.ordinal()];
            street = ix[Field.STREET.ordinal()];
            area = ix[Field.REPORTING_AREA.ordinal()];
            shooting = ix[Field.SHOOTING.ordinal()];
            ucr = ix[Field.UCR_PART.ordinal()];
            latName = headers.get(lat);
            lonName = headers.get(lon);
            offenseName = headers.get(offense >= 0 ? offense : code);
            dateName = datetime >= 0 ? headers.get(datetime) : headers.get(date) + "+" + headers.get(time);
        }

        void accept(CSVRecord rec, long lineAfter) {
            long line = lineBefore + 1; // the line the record starts on (header = line 1)
            lineBefore = lineAfter;
            report.rowsRead++;
            if (rec.size() != fieldCount) {
                report.drop(DropReason.MALFORMED_ROW, line, null, rec.size() + " fields, expected " + fieldCount);
                return;
            }
            String latText = rec.get(lat).trim();
            String lonText = rec.get(lon).trim();
            if (latText.isEmpty() || lonText.isEmpty()) {
                report.drop(DropReason.MISSING_COORDINATES, line, latName + "/" + lonName,
                        latText.isEmpty() && lonText.isEmpty() ? "" : latText + "," + lonText);
                return;
            }
            double y;
            double x;
            try {
                y = Double.parseDouble(latText);
                x = Double.parseDouble(lonText);
            } catch (NumberFormatException e) {
                report.drop(DropReason.BAD_COORDINATES, line, latName + "/" + lonName, latText + "," + lonText);
                return;
            }
            if (Double.isNaN(y) || Double.isNaN(x)) {
                report.drop(DropReason.BAD_COORDINATES, line, latName + "/" + lonName, latText + "," + lonText);
                return;
            }
            if ((y == -1 && x == -1) || (y == 0 && x == 0)) {
                report.drop(DropReason.PLACEHOLDER_COORDINATES, line, latName + "/" + lonName, latText + "," + lonText);
                return;
            }
            if (y < -90 || y > 90 || x < -180 || x > 180) {
                report.drop(DropReason.OUT_OF_RANGE, line, latName + "/" + lonName, latText + "," + lonText);
                return;
            }
            if (bbox != null && !bbox.contains(y, x)) {
                report.drop(DropReason.OUTSIDE_BBOX, line, latName + "/" + lonName, latText + "," + lonText);
                return;
            }
            String offenseCode = code < 0 ? "" : offenseCode(text(rec, code));
            String offenseText = offense < 0 ? offenseCode : text(rec, offense);
            if (offenseText.isEmpty()) {
                report.drop(DropReason.MISSING_OFFENSE, line, offenseName, "");
                return;
            }
            LocalDateTime at = occurredAt(rec, line);
            if (at == null) {
                return;
            }
            String incidentId = text(rec, id);
            long key = DuplicateFilter.key(incidentId, offenseCode, offenseText, at, y, x);
            DuplicateFilter.Seen seen = dupes.check(key);
            if (seen != DuplicateFilter.Seen.NEW) {
                report.drop(DropReason.DUPLICATE, line, null, incidentId + " " + (offenseCode.isEmpty() ? offenseText : offenseCode)
                        + " " + at + (seen == DuplicateFilter.Seen.IN_DATASET ? " (already in the dataset)" : " (repeated in this import)"));
                return;
            }
            Incident incident = new Incident(incidentId, at, y, x, offenseText, offenseCode, text(rec, group),
                    text(rec, district), line);
            report.kept(at);
            sink.accept(new ImportedRow(incident, text(rec, street), text(rec, area), shooting(rec), text(rec, ucr), key));
        }

        private LocalDateTime occurredAt(CSVRecord rec, long line) {
            String raw;
            LocalDateTime at;
            if (datetime >= 0) {
                raw = rec.get(datetime).trim();
                at = raw.isEmpty() ? null : dates.parseDateTime(raw);
            } else {
                String d = rec.get(date).trim();
                String t = rec.get(time).trim();
                raw = d.isEmpty() || t.isEmpty() ? "" : d + " " + t;
                at = raw.isEmpty() ? null : dates.parseDateAndTime(d, t);
            }
            if (raw.isEmpty()) {
                report.drop(DropReason.MISSING_DATE, line, dateName, "");
                return null;
            }
            if (at == null) {
                report.drop(DropReason.BAD_DATE, line, dateName, raw);
                if (firstBadDate == null) {
                    firstBadDate = raw;
                    firstBadDateLine = line;
                }
                if (datesParsed == 0 && ++dateFailures >= DATE_FAILURES_BEFORE_GIVING_UP) {
                    throw unknownDateFormat();
                }
                return null;
            }
            datesParsed++;
            return at;
        }

        /** At the end: dates that all failed mean an unknown format even in a short file. */
        void finish() {
            if (datesParsed == 0 && firstBadDate != null) {
                throw unknownDateFormat();
            }
        }

        private ImportException unknownDateFormat() {
            String how = dates.pattern() == null
                    ? "matches none of the known date formats (" + DateParser.KNOWN_FORMATS + ")"
                    : "does not match the date pattern '" + dates.pattern() + "'";
            return new ImportException(file, firstBadDateLine, dateName, "the date '" + firstBadDate + "' " + how
                    + "; give the format with --date-format, e.g. --date-format \"dd/MM/yyyy HH:mm\"");
        }

        /** Cleaned text, with the apostrophe our export puts before formula-like text taken off again. */
        private static String text(CSVRecord rec, int index) {
            return index < 0 ? "" : TextCleaner.clean(SpreadsheetCells.unprotect(rec.get(index)));
        }

        /** Digits-only codes lose leading zeros, so that Kaggle's 00619 and the BPD's 619 are one code. */
        private static String offenseCode(String s) {
            int n = s.length();
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return s;
                }
                if (c == '0' && zeros == i) {
                    zeros++;
                }
            }
            return zeros == 0 ? s : zeros == n ? "0" : s.substring(zeros);
        }

        private Boolean shooting(CSVRecord rec) {
            if (shooting < 0) {
                return null;
            }
            String s = rec.get(shooting).trim();
            if (s.isEmpty()) {
                return null;
            }
            return switch (s) {
                case "1", "Y", "y", "YES", "Yes", "yes", "true", "TRUE", "True" -> Boolean.TRUE;
                case "0", "N", "n", "NO", "No", "no", "false", "FALSE", "False" -> Boolean.FALSE;
                default -> null;
            };
        }
    }
}
