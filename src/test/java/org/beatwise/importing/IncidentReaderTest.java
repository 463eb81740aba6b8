package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.beatwise.domain.Incident;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading, encodings, line endings and cleaning on small hand-made files. */
class IncidentReaderTest {

    private static final String HEADER = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_CODE_GROUP,OFFENSE_DESCRIPTION,DISTRICT,"
            + "REPORTING_AREA,SHOOTING,OCCURRED_ON_DATE,YEAR,MONTH,DAY_OF_WEEK,HOUR,UCR_PART,STREET,Lat,Long,Location";

    @TempDir
    Path tmp;

    private final List<ImportedRow> rows = new ArrayList<>();

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private Path file(String name, String text, Charset cs) throws IOException {
        return file(name, text.getBytes(cs));
    }

    private static String row(String id, String code, String offence, String date, String lat, String lon) {
        return id + "," + code + ",Group," + offence + ",B3,426,0," + date + ",2016,1,Friday,10,Part One,RIVER ST,"
                + lat + "," + lon + ",\"(" + lat + ", " + lon + ")\"";
    }

    private ImportReport read(Path f) {
        return read(f, ImportOptions.defaults());
    }

    private ImportReport read(Path f, ImportOptions options) {
        return new IncidentReader(options).read(f, DuplicateFilter.empty(), rows::add, Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void lineEndings(String eol) throws IOException {
        String text = HEADER + eol + row("I1", "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1") + eol
                + "I2,619,Group,LARCENY,B3,426,0,2016-01-01 11:00:00,2016,1,Friday,11,Part One,\"CLIFFORD ST & BLUE HILL AVE"
                + eol + "ROXBURY  MA 02119" + eol + "UNIT\",42.31,-71.09,\"(42.31, -71.09)\"" + eol
                + row("I3", "619", "LARCENY", "2016-01-01 12:00:00", "42.32", "-71.1") + eol;
        ImportReport r = read(file("eol.csv", text, StandardCharsets.UTF_8));
        assertEquals(3, r.rowsRead());
        assertEquals(3, r.rowsKept());
        assertEquals("CLIFFORD ST & BLUE HILL AVE ROXBURY MA 02119 UNIT", rows.get(1).street());
        assertEquals(List.of(2L, 3L, 6L), rows.stream().map(x -> x.incident().sourceLine()).toList(),
                "source lines count the physical lines of the multi-line field");
    }

    @Test
    void utf8WithAndWithoutBom() throws IOException {
        String text = HEADER + "\n" + row("I1", "619", "CAFÉ THEFT", "2016-01-01 10:00:00", "42.3", "-71.1") + "\n";
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        ImportReport a = read(file("plain.csv", plain));
        ImportReport b = read(file("bom.csv", bom));
        assertEquals("UTF-8", a.encoding());
        assertNull(a.encodingNote());
        assertEquals("UTF-8 with byte-order mark", b.encodingNote());
        assertEquals("BPD", b.schema(), "the BOM must not hide INCIDENT_NUMBER");
        assertEquals("I1", rows.get(1).incident().incidentId());
        assertEquals("CAFÉ THEFT", rows.get(1).incident().offense());
    }

    @Test
    void notUtf8FallsBackToWindows1252AndSaysSo() throws IOException {
        String text = HEADER + "\n" + row("I1", "619", "CAFÉ – THEFT’S", "2016-01-01 10:00:00", "42.3", "-71.1") + "\n";
        ImportReport r = read(file("cp1252.csv", text, Charset.forName("windows-1252")));
        assertEquals("windows-1252", r.encoding());
        assertTrue(r.encodingNote().startsWith("not valid UTF-8 (byte 0xc9 at offset "), r.encodingNote());
        assertTrue(r.encodingNote().endsWith(", line 2); read as windows-1252"), r.encodingNote());
        assertEquals("CAFÉ – THEFT’S", rows.get(0).incident().offense());
    }

    @Test
    void macRomanMojibakeIsRecognised() throws IOException {
        // what old Excel for Mac writes for "PROPERTY Â\u00a0DAMAGE": bytes E5 CA
        String text = HEADER + "\n" + row("I1", "3802", "M/V ACCIDENT - PROPERTY \u00c2\u00a0DAMAGE", "2016-01-01 10:00:00", "42.3", "-71.1")
                + "\n" + row("I2", "3802", "M/V ACCIDENT - PROPERTY DAMAGE", "2016-01-01 11:00:00", "42.3", "-71.1") + "\n";
        ImportReport r = read(file("mac.csv", text, Charset.forName("x-MacRoman")));
        assertEquals("x-MacRoman", r.encoding());
        assertEquals(1, rows.stream().map(x -> x.incident().offense()).distinct().count());
    }

    @Test
    void encodingOverride() throws IOException {
        String text = HEADER + "\n" + row("I1", "619", "CAFÉ", "2016-01-01 10:00:00", "42.3", "-71.1") + "\n";
        Path f = file("latin.csv", text, StandardCharsets.ISO_8859_1);
        ImportReport r = read(f, ImportOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1));
        assertEquals("ISO-8859-1", r.encoding());
        assertEquals("forced with --encoding ISO-8859-1", r.encodingNote());
        assertEquals("CAFÉ", rows.get(0).incident().offense());
    }

    @Test
    void utf16WithBom() throws IOException {
        String text = "\uFEFF" + HEADER + "\r\n" + row("I1", "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1") + "\r\n";
        ImportReport r = read(file("utf16.csv", text, StandardCharsets.UTF_16LE));
        assertEquals(1, r.rowsKept());
        assertEquals("UTF-16LE", r.encoding());
    }

    @Test
    void mojibakeAndSpacesMakeOneOffence() throws IOException {
        String text = HEADER + "\n"
                + row("I1", "3802", "M/V ACCIDENT - PROPERTY \u00c2\u00a0DAMAGE", "2016-01-01 10:00:00", "42.3", "-71.1") + "\n"
                + row("I2", "3802", "M/V ACCIDENT - PROPERTY DAMAGE", "2016-01-01 11:00:00", "42.3", "-71.1") + "\n"
                + row("I3", "3802", " M/V ACCIDENT -  PROPERTY\u00a0DAMAGE ", "2016-01-01 12:00:00", "42.3", "-71.1") + "\n";
        read(file("moji.csv", text, StandardCharsets.UTF_8));
        assertEquals(List.of("M/V ACCIDENT - PROPERTY DAMAGE"), rows.stream().map(x -> x.incident().offense()).distinct().toList());
    }

    @Test
    void everyDropReasonIsCountedWithExamples() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append(row("OK1", "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1")).append('\n');           // line 2
        b.append("BAD,619,Group,LARCENY,B3\n");                                                                   // 3 malformed
        b.append(row("I4", "619", "LARCENY", "2016-01-01 10:00:00", "", "")).append('\n');                    // 4 missing
        b.append(row("I5", "619", "LARCENY", "2016-01-01 10:00:00", "n/a", "-71.1")).append('\n');            // 5 bad
        b.append(row("I6", "619", "LARCENY", "2016-01-01 10:00:00", "-1.0", "-1.0")).append('\n');            // 6 placeholder
        b.append(row("I7", "619", "LARCENY", "2016-01-01 10:00:00", "0", "0")).append('\n');                  // 7 placeholder
        b.append(row("I8", "619", "LARCENY", "2016-01-01 10:00:00", "142.3", "-71.1")).append('\n');          // 8 range
        b.append(row("I9", "619", "LARCENY", "2016-01-01 10:00:00", "40.7", "-74.0")).append('\n');           // 9 bbox
        b.append(row("I10", "619", "", "2016-01-01 10:00:00", "42.3", "-71.1")).append('\n');                 // 10 offence
        b.append(row("I11", "619", "LARCENY", "", "42.3", "-71.1")).append('\n');                             // 11 date
        b.append(row("I12", "619", "LARCENY", "2016-02-30 10:00:00", "42.3", "-71.1")).append('\n');          // 12 bad date
        b.append(row("OK1", "619", "LARCENY ALL OTHERS", "2016-01-01 10:00:00", "42.3", "-71.1")).append('\n'); // 13 dup
        b.append(row("OK1", "00619", "LARCENY", "2016-01-01 10:00", "42.30", "-71.10")).append('\n');         // 14 dup
        b.append(row("OK1", "613", "SHOPLIFTING", "2016-01-01 10:00:00", "42.3", "-71.1")).append('\n');      // 15 kept
        ImportReport r = read(file("all.csv", b.toString(), StandardCharsets.UTF_8),
                ImportOptions.defaults().withBbox(BoundingBox.parse("42.2,-71.2,42.4,-70.9")));
        assertEquals(14, r.rowsRead());
        assertEquals(2, r.rowsKept());
        assertEquals(2.0 / 14, r.keptShare(), 1e-9);
        assertEquals(1, r.count(DropReason.MALFORMED_ROW));
        assertEquals(1, r.count(DropReason.MISSING_COORDINATES));
        assertEquals(1, r.count(DropReason.BAD_COORDINATES));
        assertEquals(2, r.count(DropReason.PLACEHOLDER_COORDINATES));
        assertEquals(1, r.count(DropReason.OUT_OF_RANGE));
        assertEquals(1, r.count(DropReason.OUTSIDE_BBOX));
        assertEquals(1, r.count(DropReason.MISSING_OFFENSE));
        assertEquals(1, r.count(DropReason.MISSING_DATE));
        assertEquals(1, r.count(DropReason.BAD_DATE));
        assertEquals(2, r.count(DropReason.DUPLICATE));
        assertEquals(new ImportReport.Example(3, null, "5 fields, expected 17"), example(r, DropReason.MALFORMED_ROW, 0));
        assertEquals(new ImportReport.Example(5, "Lat/Long", "n/a,-71.1"), example(r, DropReason.BAD_COORDINATES, 0));
        assertEquals(new ImportReport.Example(7, "Lat/Long", "0,0"), example(r, DropReason.PLACEHOLDER_COORDINATES, 1));
        assertEquals(new ImportReport.Example(12, "OCCURRED_ON_DATE", "2016-02-30 10:00:00"), example(r, DropReason.BAD_DATE, 0));
        assertEquals(14, example(r, DropReason.DUPLICATE, 1).line());
        assertTrue(example(r, DropReason.DUPLICATE, 1).value().endsWith("(repeated in this import)"));
        assertEquals("619", rows.get(0).incident().offenseCode());
        assertEquals(LocalDateTime.of(2016, 1, 1, 10, 0), r.firstOccurred());
    }

    private static ImportReport.Example example(ImportReport r, DropReason reason, int i) {
        return r.dropped().get(reason).examples().get(i);
    }

    @Test
    void atMostFiveExamplesPerReason() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 9; i++) {
            b.append(row("I" + i, "619", "LARCENY", "2016-01-01 10:00:00", "", "")).append('\n');
        }
        b.append(row("OK", "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1")).append('\n');
        ImportReport r = read(file("many.csv", b.toString(), StandardCharsets.UTF_8));
        assertEquals(9, r.count(DropReason.MISSING_COORDINATES));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), r.dropped().get(DropReason.MISSING_COORDINATES).examples().stream()
                .map(ImportReport.Example::line).toList());
    }

    @Test
    void duplicatesAgainstTheDataset() throws IOException {
        String text = HEADER + "\n" + row("I1", "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1") + "\n"
                + row("I2", "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1") + "\n";
        long existing = DuplicateFilter.key("I1", "619", "LARCENY", LocalDateTime.of(2016, 1, 1, 10, 0), 42.3, -71.1);
        ImportReport r = new IncidentReader(ImportOptions.defaults()).read(file("d.csv", text, StandardCharsets.UTF_8),
                new DuplicateFilter(k -> k == existing), rows::add, Progress.NONE);
        assertEquals(1, r.rowsKept());
        assertEquals("I2", rows.get(0).incident().incidentId());
        assertTrue(r.dropped().get(DropReason.DUPLICATE).examples().get(0).value().endsWith("(already in the dataset)"));
        assertEquals(existing, DuplicateFilter.key(new Incident("I1", LocalDateTime.of(2016, 1, 1, 10, 0), 42.3, -71.1,
                "LARCENY", "619", "", "", 2)));
    }

    @Test
    void headersAnyCaseExtraColumnsIgnoredOptionalColumnsMissing() throws IOException {
        String text = ",incident_number,offense_code,offense_description,occurred_on_date,lat,long,date\n"
                + "0,I1,619,LARCENY,2016-01-01 10:00:00,42.3,-71.1,2016-01-01\n";
        ImportReport r = read(file("lower.csv", text, StandardCharsets.UTF_8));
        assertEquals("BPD", r.schema());
        assertEquals(1, r.rowsKept());
        Incident i = rows.get(0).incident();
        assertEquals("I1", i.incidentId());
        assertEquals("", i.offenseGroup());
        assertEquals("", i.district());
        assertNull(rows.get(0).shooting());
    }

    @Test
    void columnMappingWithDateAndTimeAndPattern() throws IOException {
        String text = "Case,Crime,When,At,Y,X\nC1,Burglary,15/06/2019,1430,51.5,-0.12\nC2,Theft,16/06/2019,5,51.6,-0.1\n";
        ColumnMapping m = ColumnMapping.parse(List.of("id=Case", "offense=Crime", "date=When", "time=At", "lat=Y", "lon=X"),
                "dd/MM/yyyy");
        ImportReport r = read(file("london.csv", text, StandardCharsets.UTF_8), ImportOptions.defaults().withMapping(m));
        assertEquals("column mapping", r.schema());
        assertEquals(2, r.rowsKept());
        assertEquals(LocalDateTime.of(2019, 6, 15, 14, 30), rows.get(0).incident().occurredAt());
        assertEquals(LocalDateTime.of(2019, 6, 16, 0, 5), rows.get(1).incident().occurredAt());
        assertEquals("Burglary", rows.get(0).incident().offenseCode().isEmpty() ? rows.get(0).incident().offense() : "");
    }

    @Test
    void wellKnownHeadersNeedNoMapping() throws IOException {
        String text = "Case Number,Date Time,Offense,Latitude,Longitude\n1,01/02/2020 11:15:00 PM,THEFT,41.88,-87.63\n";
        ImportReport r = read(file("city.csv", text, StandardCharsets.UTF_8));
        assertEquals("column mapping", r.schema());
        assertEquals("id=Case Number, datetime=Date Time, offense=Offense, lat=Latitude, lon=Longitude", r.mapping());
        assertEquals(LocalDateTime.of(2020, 1, 2, 23, 15), rows.get(0).incident().occurredAt());
    }

    @Test
    void vagueHeadersNeedAMapping() throws IOException {
        // "ID" and "Date" are too vague to take without looking at values: the UI's mapping step does that
        String text = "ID,Date,Primary Type,Latitude,Longitude\n1,01/02/2020 11:15:00 PM,THEFT,41.88,-87.63\n";
        assertThrows(ImportException.class, () -> read(file("chicago.csv", text, StandardCharsets.UTF_8)));
    }

    @Test
    void progressAndCancel() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 10_000; i++) {
            b.append(row("I" + i, "619", "LARCENY", "2016-01-01 10:00:00", "42.3", "-71.1")).append('\n');
        }
        Path f = file("big.csv", b.toString(), StandardCharsets.UTF_8);
        AtomicLong last = new AtomicLong();
        Progress counting = new Progress() {
            @Override public void update(long done, long total, String message) {
                last.set(done);
                assertTrue(total == -1 || total >= done);
            }
            @Override public boolean isCancelled() {
                return last.get() >= 4096;
            }
        };
        assertThrows(CancelledException.class, () -> new IncidentReader(ImportOptions.defaults())
                .read(f, DuplicateFilter.empty(), rows::add, counting));
        assertEquals(4096, last.get());
    }

    @Test
    void preview() throws IOException {
        String text = "Case,Crime,When,Y,X\nC1,Burglary,2019-06-15 14:30:00,51.5,-0.12\nC2,Theft,2019-06-16 05:00:00,51.6,-0.1\n";
        IncidentReader.Preview p = new IncidentReader(null).preview(file("p.csv", text, StandardCharsets.UTF_8), 20);
        assertEquals(List.of("Case", "Crime", "When", "Y", "X"), p.headers());
        assertEquals(2, p.rows().size());
        assertEquals("UTF-8", p.encoding());
    }
}
