package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.beatwise.domain.Incident;
import org.junit.jupiter.api.Test;

/** The row hash writes its lines byte by byte; saved models recorded them made through Strings. */
class RowHashTest {

    /** The line as models have always been hashed: fields appended to a StringBuilder, as UTF-8. */
    private static byte[] textLine(Incident r) {
        return (r.incidentId() + '\u001f' + r.occurredAt() + '\u001f' + r.lat() + '\u001f' + r.lon() + '\u001f'
                + r.offense() + '\u001f' + r.offenseCode() + '\u001f' + r.offenseGroup() + '\n')
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String textHash(List<Incident> rows) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Incident r : rows) {
            md.update(textLine(r));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void eachLineHasTheBytesOfTheTextForm() {
        RowHash.Lines lines = new RowHash.Lines();
        for (Incident r : awkwardRows()) {
            int length = lines.write(r);
            assertArrayEquals(textLine(r), java.util.Arrays.copyOf(lines.buffer(), length), r.toString());
        }
    }

    @Test
    void theHashIsTheTextFormsHashOnRepeatedAndUniquePlaces() throws Exception {
        Random random = new Random(42);
        List<Incident> rows = new ArrayList<>();
        double[][] places = new double[300][]; // a few geocoded points, as in Boston's exports
        for (int p = 0; p < places.length; p++) {
            places[p] = new double[] {42.25 + random.nextDouble() / 10, -71.1 + random.nextDouble() / 10};
        }
        for (int i = 0; i < 20_000; i++) {
            boolean repeated = i % 2 == 0; // and the synthetic demo's places, which never repeat
            double[] place = repeated ? places[random.nextInt(places.length)]
                    : new double[] {40 + random.nextDouble() * 5, -75 + random.nextDouble() * 5};
            LocalDateTime time = LocalDateTime.of(2015, 1, 1, 0, 0).plusSeconds(random.nextInt(150_000_000))
                    .withSecond(i % 3 == 0 ? random.nextInt(60) : 0);
            rows.add(new Incident("I" + i, time, place[0], place[1], "LARCENY", String.valueOf(600 + i % 40),
                    i % 5 == 0 ? null : "Larceny", "B3", i + 2));
        }
        rows.addAll(awkwardRows());
        assertEquals(textHash(rows), RowHash.of(rows));

        int[] subset = java.util.stream.IntStream.range(0, rows.size()).filter(i -> i % 3 != 1).toArray();
        String[] both = RowHash.ofRowsAndSubset(rows, subset);
        assertEquals(textHash(rows), both[0]);
        assertEquals(textHash(java.util.Arrays.stream(subset).mapToObj(rows::get).toList()), both[1]);
    }

    @Test
    void aSubsetOutOfOrderIsRefused() {
        List<Incident> rows = awkwardRows();
        assertThrows(IllegalArgumentException.class, () -> RowHash.ofRowsAndSubset(rows, new int[] {2, 1}));
    }

    /** Times in every form LocalDateTime prints, odd numbers, nulls, accents, emoji and a lone surrogate. */
    private static List<Incident> awkwardRows() {
        LocalDateTime t = LocalDateTime.of(2018, 3, 4, 5, 6);
        LocalDateTime[] times = {t, t.withSecond(7), t.withNano(8_000_000), t.withNano(9_000), t.withNano(1),
                t.withSecond(59).withNano(123_456_789), LocalDateTime.of(999, 12, 31, 23, 59),
                LocalDateTime.of(7, 1, 1, 0, 0), LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(-42, 1, 1, 0, 0),
                LocalDateTime.of(10_000, 1, 1, 0, 0, 1), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)};
        double[] numbers = {0.0, -0.0, 42.2873401, -71.0921, 1e-7, 1.0E21, 123456789.123, Double.NaN,
                Double.POSITIVE_INFINITY, Double.MIN_VALUE, -1.7976931348623157E308, 2.0E-3};
        String[] texts = {null, "", "M/V - LEAVING SCENE", "VOL\u00c9 \u00e0 l'\u00e9talage", "\ud83d\ude93 car",
                "lone \ud83d", "tab\tand\u001fseparator", "\u4e2d\u6587"};
        List<Incident> rows = new ArrayList<>();
        for (int i = 0; i < times.length * numbers.length; i++) {
            rows.add(new Incident(texts[i % texts.length], times[i % times.length], numbers[i % numbers.length],
                    numbers[(i / times.length) % numbers.length], String.valueOf(texts[(i + 1) % texts.length]),
                    texts[(i + 2) % texts.length], texts[(i + 3) % texts.length], "B3", i));
        }
        return rows;
    }
}
