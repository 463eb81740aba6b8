package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files built to exhaust memory are refused early; exports cannot run as spreadsheet formulas. */
class HostileCsvTest {

    private static final String HEADER = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE,Lat,Long,STREET\n";
    private static final String ROW = "I1,619,LARCENY,2016-01-01 10:00:00,42.3,-71.1,RIVER ST\n";

    @TempDir
    Path dir;

    private ImportException refused(Path file) {
        List<ImportedRow> rows = new ArrayList<>();
        return assertThrows(ImportException.class, () -> new IncidentReader(ImportOptions.defaults())
                .read(file, DuplicateFilter.empty(), rows::add, Progress.NONE));
    }

    @Test
    void aRowOfThousandsOfCommasIsRefusedNamingTheLine() throws IOException {
        Path f = dir.resolve("commas.csv");
        Files.writeString(f, HEADER + ROW + ROW.replace("I1", "I2") + ",".repeat(200_000) + "\n" + ROW);
        ImportException e = refused(f);
        assertTrue(e.getMessage().contains("commas.csv"), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("more than 500 fields"), e.getMessage());
    }

    @Test
    void fiveHundredFieldsAreStillRead() throws IOException {
        Path f = dir.resolve("wide.csv");
        String pad = ",x".repeat(500 - 7);
        Files.writeString(f, HEADER.strip() + pad.replace("x", "h") + "\n" + ROW.strip() + pad + "\n");
        List<ImportedRow> rows = new ArrayList<>();
        new IncidentReader(ImportOptions.defaults()).read(f, DuplicateFilter.empty(), rows::add, Progress.NONE);
        assertEquals(1, rows.size());
    }

    @Test
    void aRecordLongerThanTwoMegabytesIsRefusedNamingItsFirstLine() throws IOException {
        Path f = dir.resolve("long.csv");
        String field = "y".repeat(6_000);
        StringBuilder b = new StringBuilder(HEADER).append(ROW).append("I3");
        for (int i = 0; i < 400; i++) {
            b.append(",\"").append(field).append("\n\""); // 400 fields, each short, spread over lines
        }
        b.append('\n');
        Files.writeString(f, b);
        ImportException e = refused(f);
        assertTrue(e.getMessage().contains("long.csv"), e.getMessage());
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("a record is longer than 2 MB"), e.getMessage());
    }

    @Test
    void formulaTextIsNeutralisedInExportsAndRestoredOnImport() throws IOException {
        Path csv = dir.resolve("formulas.csv");
        Files.writeString(csv, HEADER
                + "-I1,619,\"=HYPERLINK(\"\"http://evil.invalid\"\",\"\"x\"\")\",2016-01-01 10:00:00,42.3,-71.08,@SUM(A1)\n"
                + "+I2,619,'=ALREADY QUOTED,2016-01-02 10:00:00,42.31,-71.09,-RIVER ST\n"
                + "I3,619,LARCENY,2016-01-03 10:00:00,42.32,-71.1,'PLAIN\n", StandardCharsets.UTF_8);
        Path export = dir.resolve("out.csv");
        List<Incident> before;
        try (Services a = new Services(new DataHome(dir.resolve("a")), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC))) {
            a.imports().importFiles("alice", new ImportRequest(List.of(csv), "f", ImportOptions.defaults(), false), Progress.NONE);
            before = a.datasets().incidents("f");
            assertEquals("=HYPERLINK(\"http://evil.invalid\",\"x\")", before.get(0).offense(), "stored as the analyst's file had it");
            a.datasets().exportDataset("alice", "f", export);
        }
        String text = Files.readString(export);
        for (String line : text.split("\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+@".indexOf(c.charAt(0)) >= 0, "a cell a spreadsheet would run: " + cell);
                assertFalse(c.startsWith("-") && !SpreadsheetCells.isPlainNumber(c.strip()), "a cell a spreadsheet would run: " + cell);
            }
        }
        assertTrue(text.contains(",-71.08"), "numbers are written as numbers: " + text);
        try (Services b = new Services(new DataHome(dir.resolve("b")), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC))) {
            b.imports().importFiles("bob", new ImportRequest(List.of(export), "f", ImportOptions.defaults(), false), Progress.NONE);
            List<Incident> after = b.datasets().incidents("f");
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i).incidentId(), after.get(i).incidentId());
                assertEquals(before.get(i).offense(), after.get(i).offense());
                assertEquals(before.get(i).lon(), after.get(i).lon(), 0);
            }
            List<ImportedRow> rows = b.datasets().rows("f");
            assertEquals(List.of("@SUM(A1)", "-RIVER ST", "'PLAIN"), rows.stream().map(ImportedRow::street).toList());
        }
    }

    @Test
    void protectionIsReversibleForAnyText() {
        for (String s : List.of("=1+1", "'=1+1", "''=x", "-71.08", "+1", "-", "@", "'", "'abc", "abc", "\tx", "-1e5", "1.2.3",
                "+-1", "")) {
            String p = SpreadsheetCells.protect(s);
            assertEquals(s, SpreadsheetCells.unprotect(p), "round trip of [" + s + "] via [" + p + "]");
        }
        assertEquals("-71.08", SpreadsheetCells.protect("-71.08"));
        assertEquals("'-1e5", SpreadsheetCells.protect("-1e5"));
        assertEquals("'=1+1", SpreadsheetCells.protect("=1+1"));
    }
}
