package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunk format: what goes in comes out exactly (extreme values included), the keys can be read
 * alone, the repetitive text is stored once per chunk, and damage is refused rather than decoded.
 */
class IncidentChunkTest {

    private static IncidentRecord[] rows(int n, long seed) {
        Random rnd = new Random(seed);
        String[] text = {"", "LARCENY", "Zoë’s café", "emoji \uD83D\uDE93", null, "x".repeat(300)};
        IncidentRecord[] rows = new IncidentRecord[n];
        for (int i = 0; i < n; i++) {
            LocalDateTime at = i == 0 ? LocalDateTime.MIN : i == 1 ? LocalDateTime.MAX
                    : LocalDateTime.of(1990 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), rnd.nextInt(24),
                    rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(1_000_000_000));
            double lat = i == 2 ? Double.NaN : i == 3 ? -0.0 : i == 4 ? Double.MIN_VALUE : rnd.nextGaussian() * 90;
            long file = i == 5 ? Long.MAX_VALUE : i == 6 ? Long.MIN_VALUE : rnd.nextInt(3);
            long line = i == 7 ? Long.MIN_VALUE : i == 8 ? Long.MAX_VALUE : i + 2;
            rows[i] = new IncidentRecord(file, line, i % 11 == 0 ? null : "I" + rnd.nextLong(), at, lat, -rnd.nextDouble() * 180,
                    text[rnd.nextInt(text.length)], text[rnd.nextInt(text.length)], text[rnd.nextInt(text.length)],
                    "B" + rnd.nextInt(3), text[rnd.nextInt(text.length)], text[rnd.nextInt(text.length)],
                    switch (rnd.nextInt(3)) { case 0 -> null; case 1 -> Boolean.TRUE; default -> Boolean.FALSE; },
                    text[rnd.nextInt(text.length)], rnd.nextLong());
        }
        return rows;
    }

    private static List<IncidentRecord> decode(byte[] data) {
        List<IncidentRecord> back = new ArrayList<>();
        IncidentChunk.forEach(data, back::add);
        return back;
    }

    @Test
    void whatGoesInComesOutExactly() {
        for (int n : new int[] {0, 1, 17, IncidentChunk.ROWS}) {
            IncidentRecord[] rows = rows(n, n);
            byte[] data = IncidentChunk.encode(rows, n);
            assertEquals(Arrays.asList(rows), decode(data), n + " rows");
            assertEquals(n, IncidentChunk.rowCount(data));
            List<Long> keys = new ArrayList<>();
            IncidentChunk.forEachKey(data, keys::add);
            assertEquals(Arrays.stream(rows).map(IncidentRecord::dedupeKey).toList(), keys);
        }
    }

    @Test
    void onlyTheGivenCountIsEncoded() {
        IncidentRecord[] rows = rows(40, 3);
        assertEquals(Arrays.asList(rows).subList(0, 25), decode(IncidentChunk.encode(rows, 25)));
    }

    @Test
    void repeatedTextIsStoredOncePerChunk() {
        IncidentRecord[] rows = new IncidentRecord[1000];
        String street = "A VERY LONG STREET NAME THAT REPEATS ".repeat(3);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new IncidentRecord(1, i + 2, "I" + i, LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i), 42.3, -71.1,
                    "LARCENY", "619", "Larceny", "B3", street, "", null, "Part One", i);
        }
        byte[] data = IncidentChunk.encode(rows, rows.length);
        // per row: 8 key + 16 place + 1 flag + about 6 id + 4 time/line/file + 7 indexes; the street once
        assertTrue(data.length < rows.length * 50, data.length + " bytes");
        assertEquals(Arrays.asList(rows), decode(data));
    }

    @Test
    void damageIsRefusedNotDecoded() {
        byte[] good = IncidentChunk.encode(rows(300, 9), 300);
        byte[] unknownFormat = good.clone();
        unknownFormat[0] = 9;
        byte[] truncated = Arrays.copyOf(good, good.length - 3);
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        byte[] hugeCount = good.clone();
        hugeCount[1] = (byte) 0xFF;
        hugeCount[2] = (byte) 0xFF;
        for (byte[] bad : List.of(unknownFormat, truncated, longer, hugeCount, new byte[0])) {
            StoreException e = assertThrows(StoreException.class, () -> decode(bad));
            assertTrue(e.getMessage().startsWith("a stored chunk of incidents is damaged"), e.getMessage());
        }
        // every single flipped byte either is refused or still decodes to 300 incidents: never a crash of another kind
        Random rnd = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bad = good.clone();
            bad[rnd.nextInt(bad.length)] ^= (byte) (1 + rnd.nextInt(255));
            try {
                assertEquals(300, decode(bad).size());
            } catch (StoreException refused) {
                assertTrue(refused.getMessage().contains("damaged"));
            }
        }
    }
}
