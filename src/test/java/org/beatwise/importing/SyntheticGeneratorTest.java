package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGeneratorTest {

    @TempDir
    Path tmp;

    private static byte[] generate(GeneratorSettings s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticGenerator.write(s, out, Progress.NONE);
        return out.toByteArray();
    }

    @Test
    void sameSeedSameBytes() throws IOException, NoSuchAlgorithmException {
        byte[] a = generate(GeneratorSettings.defaults(5_000));
        byte[] b = generate(GeneratorSettings.defaults(5_000));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, generate(GeneratorSettings.defaults(5_000).withSeed(7))));
        // pinned, so a change of the generator is a deliberate one (the demo dataset changes with it)
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(a));
        assertEquals("2794d84fd283f4eb908d6ebda7541ecf5898b6f0bcdd2b6374361e4bfc4465b0", sha);
    }

    @Test
    void generatedFileImportsWithEveryKindOfBadRow() {
        Path f = tmp.resolve("syn.csv");
        SyntheticGenerator.write(GeneratorSettings.defaults(20_000), f, Progress.NONE);
        List<ImportedRow> rows = new ArrayList<>();
        ImportReport r = new IncidentReader(ImportOptions.defaults()).read(f, DuplicateFilter.empty(), rows::add, Progress.NONE);
        assertEquals(20_000, r.rowsRead());
        assertEquals("BPD", r.schema());
        // 4 of each of the 10 kinds; placeholder covers both (-1,-1) and (0,0)
        assertEquals(Map.of("malformed_row", 4L, "missing_coordinates", 4L, "bad_coordinates", 4L,
                "placeholder_coordinates", 8L, "out_of_range", 4L, "missing_offense", 4L, "missing_date", 4L,
                "bad_date", 4L, "duplicate", 4L), r.droppedCounts());
        assertEquals(20_000 - 40, r.rowsKept());
        assertTrue(rows.stream().allMatch(x -> x.incident().incidentId().startsWith("SYN")));
        assertTrue(rows.stream().allMatch(x -> x.incident().occurredAt().toLocalDate().isBefore(LocalDate.of(2025, 1, 1))));

        Map<String, Long> byOffence = rows.stream().collect(Collectors.groupingBy(x -> x.incident().offense(), Collectors.counting()));
        assertEquals(SyntheticGenerator.offenceTypes(), byOffence.size());
        assertTrue(byOffence.size() >= 20 && byOffence.size() <= 30);
        long top = byOffence.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long bottom = byOffence.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(top > 10 * bottom, "skewed: " + byOffence);

        // rhythms: assaults at night and at weekends, shoplifting by day
        Map<Integer, Long> assaultHours = hours(rows, "ASSAULT SIMPLE - BATTERY", x -> x.incident().hour());
        Map<Integer, Long> shopHours = hours(rows, "LARCENY SHOPLIFTING", x -> x.incident().hour());
        assertTrue(assaultHours.getOrDefault(23, 0L) > 2 * assaultHours.getOrDefault(6, 0L), assaultHours.toString());
        assertTrue(shopHours.getOrDefault(13, 0L) > 5 * shopHours.getOrDefault(3, 1L), shopHours.toString());
        Map<Integer, Long> assaultDays = hours(rows, "ASSAULT SIMPLE - BATTERY", x -> x.incident().dayOfWeek());
        assertTrue(assaultDays.get(6) > 1.5 * assaultDays.get(2), assaultDays.toString());

        // clustered: most incidents within 1.5 km of one of the centres, all within greater Boston
        assertTrue(rows.stream().allMatch(x -> x.incident().lat() > 42.2 && x.incident().lat() < 42.43
                && x.incident().lon() > -71.2 && x.incident().lon() < -70.95));
        long districts = rows.stream().map(x -> x.incident().district()).distinct().count();
        assertEquals(12, districts);
    }

    private static Map<Integer, Long> hours(List<ImportedRow> rows, String offence, Function<ImportedRow, Integer> key) {
        return rows.stream().filter(x -> x.incident().offense().equals(offence))
                .collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(0, 42, LocalDate.of(2023, 1, 1), 10, true));
        assertEquals("rows must be within 1 … 100,000,000, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 42, LocalDate.of(2023, 1, 1), 0, true));
        assertEquals("days must be within 1 … 36,600, was 0", e.getMessage());
    }

    @Test
    void smallFilesHaveNoBadRows() throws IOException {
        byte[] b = generate(GeneratorSettings.defaults(50));
        String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(51, text.lines().count());
        assertTrue(text.startsWith(SyntheticGenerator.HEADER + "\n"));
    }
}
