package org.beatwise.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beatwise.domain.Incident;

/**
 * Writes a dataset as a Boston-schema CSV, so it moves to another station and imports there unchanged
 * (every row kept). Text cells that a spreadsheet would run as formulas are neutralised
 * ({@link SpreadsheetCells}) and restored on import. The file appears only when complete: it is written beside the target and moved.
 */
public final class DatasetExporter {

    static final String[] HEADER = {"INCIDENT_NUMBER", "OFFENSE_CODE", "OFFENSE_CODE_GROUP", "OFFENSE_DESCRIPTION",
        "DISTRICT", "REPORTING_AREA", "SHOOTING", "OCCURRED_ON_DATE", "YEAR", "MONTH", "DAY_OF_WEEK", "HOUR", "UCR_PART",
        "STREET", "Lat", "Long"};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DatasetExporter() { }

    /** Text that a spreadsheet would run as a formula is written so it shows as text; the importer undoes it. */
    private static String text(String s) {
        return s == null ? null : SpreadsheetCells.protect(s);
    }

    /** Writes the rows to {@code file}; returns how many were written. */
    public static int write(List<ImportedRow> rows, Path file) {
        return write(rows::forEach, file);
    }

    /**
     * Writes the rows {@code feed} hands over one by one (a dataset streamed from the database, so a
     * file larger than the heap can be written); returns how many were written.
     */
    public static int write(Consumer<Consumer<ImportedRow>> feed, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        int rows;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".beatwise-export-", ".csv");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter out = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(w)) {
                int[] count = {0};
                feed.accept(r -> {
                    Incident i = r.incident();
                    try {
                        out.printRecord(text(i.incidentId()), text(i.offenseCode()), text(i.offenseGroup()),
                            text(i.offense()), text(i.district()), text(r.reportingArea()),
                            r.shooting() == null ? "" : r.shooting() ? "1" : "0",
                            WHEN.format(i.occurredAt()), i.occurredAt().getYear(), i.month(),
                            i.occurredAt().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), i.hour(),
                            text(r.ucrPart()), text(r.street()), i.lat(), i.lon());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
                rows = count[0];
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless if it stays
                }
            }
        }
    }
}
