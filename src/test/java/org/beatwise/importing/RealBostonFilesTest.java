package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Boston exports of ../shared/data/boston, with the counts of issue 4. */
@Tag("real")
class RealBostonFilesTest {

    private static ImportReport read(String name, List<ImportedRow> into) {
        return new IncidentReader(ImportOptions.defaults())
                .read(BostonData.file(name), DuplicateFilter.empty(), into::add, Progress.NONE);
    }

    @Test
    void boston2023() {
        List<ImportedRow> rows = new ArrayList<>();
        ImportReport r = read("boston_crime_2023_jan_mar.csv", rows);
        assertEquals(14_527, r.rowsRead());
        assertEquals(12_045, r.rowsKept());
        assertEquals(2_482, r.count(DropReason.MISSING_COORDINATES));
        assertEquals(2_482, r.dropped().values().stream().mapToLong(ImportReport.Drop::count).sum());
        assertEquals("BPD", r.schema());
        assertEquals("UTF-8", r.encoding());
        assertEquals(12_045, rows.size());
        // wall-clock time kept although the export appends +00
        assertEquals(LocalDateTime.of(2023, 1, 1, 0, 0), r.firstOccurred());
        // the export runs to 2023-03-17 03:12, but rows from 10 March on have no coordinates yet
        assertEquals(LocalDateTime.of(2023, 3, 9, 2, 48), r.lastOccurred());
        Incident first = rows.get(0).incident();
        assertEquals("232010316", first.incidentId());
        assertEquals("1106", first.offenseCode());
        assertEquals("FRAUD - CREDIT CARD / ATM FRAUD", first.offense());
        assertEquals("E13", first.district());
        assertEquals(2, first.sourceLine());
        assertEquals("WASHINGTON ST", rows.get(0).street());
        assertEquals(Boolean.FALSE, rows.get(0).shooting());
        // multi-line quoted STREET values come out as one line
        assertTrue(rows.stream().noneMatch(x -> x.street().contains("\n")));
        assertTrue(rows.stream().anyMatch(x -> x.street().startsWith("CLIFFORD ST & BLUE HILL AVE ROXBURY MA 02119")));
        // REPORTING_AREA is often a single space: cleaned to empty
        assertTrue(rows.stream().anyMatch(x -> x.reportingArea().isEmpty()));
        assertTrue(rows.stream().allMatch(x -> x.incident().hour() == x.incident().occurredAt().getHour()));
    }

    @Test
    void larceny2016To2018() {
        List<ImportedRow> rows = new ArrayList<>();
        ImportReport r = read("boston_crime_larceny_2016_2018.csv", rows);
        assertEquals(20_929, r.rowsRead());
        assertEquals(20_203, r.rowsKept());
        assertEquals(676, r.count(DropReason.MISSING_COORDINATES));
        assertEquals(49, r.count(DropReason.PLACEHOLDER_COORDINATES));
        assertEquals(1, r.count(DropReason.DUPLICATE));
        assertEquals(3, r.dropped().size());
        // the duplicate: same incident, code 617, time and place, offence renamed between two rows
        ImportReport.Example dup = r.dropped().get(DropReason.DUPLICATE).examples().get(0);
        assertTrue(dup.value().startsWith("I130194606-00 617 2016-02-02T19:30"), dup.value());
        Incident first = rows.get(0).incident();
        assertEquals("I182070945", first.incidentId());
        assertEquals("619", first.offenseCode());
        assertEquals("Larceny", first.offenseGroup());
        assertEquals(LocalDateTime.of(2018, 9, 2, 13, 0), first.occurredAt());
        assertEquals(LocalDateTime.of(2016, 1, 1, 0, 0), r.firstOccurred());
        assertEquals(LocalDateTime.of(2018, 9, 3, 17, 54), r.lastOccurred());
        assertTrue(rows.stream().allMatch(x -> x.shooting() == null));
        assertEquals(13, rows.stream().map(x -> x.incident().offense()).distinct().count());
    }

    @ParameterizedTest
    @CsvSource({
            "2015, 5448, 20, UTF-8",
            "2016, 10587, 17, UTF-8",
            "2017, 10985, 25, UTF-8",
            "2018, 10994, 33, x-MacRoman",
            "2019, 6284, 21, UTF-8"})
    void mattapan(int year, long read, long duplicates, String encoding) {
        List<ImportedRow> rows = new ArrayList<>();
        ImportReport r = read("mattapan_only_" + year + ".csv", rows);
        assertEquals(read, r.rowsRead());
        assertEquals(duplicates, r.count(DropReason.DUPLICATE));
        assertEquals(read - duplicates, r.rowsKept());
        assertEquals(1, r.dropped().size());
        assertEquals(encoding, r.encoding());
        assertEquals(LocalDateTime.of(year, 1, 1, 0, 0).getYear(), r.lastOccurred().getYear());
        assertTrue(rows.stream().allMatch(x -> x.incident().district().equals("B3")));
        // mojibake "PROPERTY Â DAMAGE" and the plain spelling are one offence, whatever the encoding
        Set<String> offences = new HashSet<>();
        rows.forEach(x -> offences.add(x.incident().offense()));
        assertTrue(offences.contains("M/V ACCIDENT - PROPERTY DAMAGE"), offences.toString());
        assertTrue(offences.stream().noneMatch(o -> o.contains("\u00c2") || o.contains("\u00a0") || o.contains("  ")
                || o.contains("\u00e5")), offences.toString());
        assertFalse(rows.get(0).incident().incidentId().startsWith("\uFEFF"));
        assertTrue(rows.get(0).incident().incidentId().startsWith("I"));
    }

    @Test
    void mattapanYearsIntoOneDatasetShareTheDuplicateFilter() {
        DuplicateFilter dupes = DuplicateFilter.empty();
        long kept = 0;
        long read = 0;
        for (int year = 2015; year <= 2019; year++) {
            Path f = BostonData.file("mattapan_only_" + year + ".csv");
            ImportReport r = new IncidentReader(ImportOptions.defaults()).read(f, dupes, row -> { }, Progress.NONE);
            kept += r.rowsKept();
            read += r.rowsRead();
        }
        assertEquals(44_298, read);
        assertEquals(44_298 - 20 - 17 - 25 - 33 - 21, kept, "no incident appears in two yearly files");
    }

    @Test
    void mattapan2018EncodingIsReported() {
        ImportReport r = read("mattapan_only_2018.csv", new ArrayList<>());
        assertTrue(r.encodingNote().startsWith("not valid UTF-8"), r.encodingNote());
        assertTrue(r.encodingNote().endsWith("read as x-MacRoman"), r.encodingNote());
    }
}
