package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus of files in src/test/resources/importing/bad: each is refused with a clear message. */
class BadInputTest {

    @TempDir
    Path tmp;

    static Path bad(String name) {
        try {
            return Path.of(BadInputTest.class.getResource("/importing/bad/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportException refused(Path file) {
        List<ImportedRow> rows = new ArrayList<>();
        return assertThrows(ImportException.class, () -> new IncidentReader(ImportOptions.defaults())
                .read(file, DuplicateFilter.empty(), rows::add, Progress.NONE));
    }

    @Test
    void emptyFile() {
        ImportException e = refused(bad("empty.csv"));
        assertEquals("empty.csv: the file is empty (0 bytes)", e.getMessage());
    }

    @Test
    void onlyAByteOrderMark() throws IOException {
        Path f = tmp.resolve("bom_only.csv");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'});
        assertEquals("bom_only.csv: the file is empty (no header line)", refused(f).getMessage());
    }

    @Test
    void headerOnly() {
        ImportException e = refused(bad("header_only.csv"));
        assertEquals("header_only.csv, line 1: the file has a header but no data rows", e.getMessage());
    }

    @Test
    void noRecognisableColumns() {
        ImportException e = refused(bad("no_recognisable_columns.csv"));
        assertTrue(e.getMessage().startsWith("no_recognisable_columns.csv, line 1: no recognisable columns: a mapping needs "
                + "lat, lon, offense (or offense_code) and datetime (or date + time). Headers found: [foo, bar, baz]."),
                e.getMessage());
        assertTrue(e.getMessage().contains("--column FIELD=HEADER"), e.getMessage());
    }

    @Test
    void mappedHeaderMissingFromTheFile() {
        ColumnMapping m = ColumnMapping.parse(List.of("lat=foo", "lon=bar", "offense=baz", "datetime=when"), null);
        ImportException e = assertThrows(ImportException.class, () -> new IncidentReader(ImportOptions.defaults().withMapping(m))
                .read(bad("no_recognisable_columns.csv"), DuplicateFilter.empty(), r -> { }, Progress.NONE));
        assertEquals("no_recognisable_columns.csv, line 1: column 'when' (for datetime) is not in the file; "
                + "headers are [foo, bar, baz]", e.getMessage());
    }

    @Test
    void spreadsheetInsteadOfCsv() {
        ImportException e = refused(bad("spreadsheet.xlsx"));
        assertTrue(e.getMessage().startsWith("spreadsheet.xlsx: this is not a CSV text file: it looks like a ZIP archive "
                + "or an Excel .xlsx workbook"), e.getMessage());
    }

    @Test
    void binaryFile() {
        ImportException e = refused(bad("binary.dat"));
        assertTrue(e.getMessage().startsWith("binary.dat: this is not a CSV text file: it looks like binary data "
                + "(a NUL byte at offset 3)"), e.getMessage());
    }

    @Test
    void unterminatedQuoteAtTheEnd() {
        ImportException e = refused(bad("unterminated_quote.csv"));
        assertEquals("unterminated_quote.csv, line 3, column 3 (OFFENSE_DESCRIPTION): unterminated quote: the quoted field "
                + "that starts here is never closed before the end of the file", e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void longFieldCorpusFileWithASmallLimit() {
        ImportException e = assertThrows(ImportException.class, () -> new IncidentReader(ImportOptions.defaults(), 1000)
                .read(bad("long_field.csv"), DuplicateFilter.empty(), r -> { }, Progress.NONE));
        assertEquals("long_field.csv, line 3, column 3 (OFFENSE_DESCRIPTION): a field is longer than 1000 characters; "
                + "is a quote missing its closing quote?", e.getMessage());
    }

    @Test
    void fieldOverOneMegabyte() throws IOException {
        Path f = tmp.resolve("huge_field.csv");
        String big = "A".repeat(IncidentReader.MAX_FIELD_CHARS + 1);
        Files.writeString(f, "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE,Lat,Long\n"
                + "I1,619,LARCENY,2016-01-01 10:00:00,42.3,-71.1\n"
                + "I2,619,LARCENY,2016-01-01 10:00:00,42.3,-71.1\n"
                + "I3,619," + big + ",2016-01-01 10:00:00,42.3,-71.1\n", StandardCharsets.UTF_8);
        ImportException e = refused(f);
        assertEquals("huge_field.csv, line 4, column 3 (OFFENSE_DESCRIPTION): a field is longer than 1 MB; "
                + "is a quote missing its closing quote?", e.getMessage());
    }

    @Test
    void dateFormatMatchingNoKnownPattern() {
        ImportException e = refused(bad("unknown_date_format.csv"));
        assertTrue(e.getMessage().startsWith("unknown_date_format.csv, line 2, column OCCURRED_ON_DATE: the date "
                + "'01.01.2016 10h00' matches none of the known date formats"), e.getMessage());
        assertTrue(e.getMessage().contains("--date-format"), e.getMessage());
    }

    @Test
    void aGivenPatternThatDoesNotMatch() {
        ImportException e = assertThrows(ImportException.class, () -> new IncidentReader(
                ImportOptions.defaults().withDatePattern("yyyy-MM-dd HH:mm"))
                .read(bad("unknown_date_format.csv"), DuplicateFilter.empty(), r -> { }, Progress.NONE));
        assertTrue(e.getMessage().contains("the date '01.01.2016 10h00' does not match the date pattern 'yyyy-MM-dd HH:mm'"),
                e.getMessage());
    }

    @Test
    void theRightPatternReadsIt() {
        ImportReport r = new IncidentReader(ImportOptions.defaults().withDatePattern("dd.MM.yyyy HH'h'mm"))
                .read(bad("unknown_date_format.csv"), DuplicateFilter.empty(), x -> { }, Progress.NONE);
        assertEquals(30, r.rowsRead());
        assertEquals(30, r.rowsKept());
    }

    @Test
    void missingFile() {
        ImportException e = refused(tmp.resolve("nope.csv"));
        assertTrue(e.getMessage().startsWith("nope.csv: "), e.getMessage());
    }
}
