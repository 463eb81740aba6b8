package org.beatwise.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one column store: rows appended, overwritten and read back in another order equal the incidents put in. */
class IncidentColumnsTest {

    private static final LocalDateTime T = LocalDateTime.of(2021, 3, 4, 5, 6, 7);

    private static List<Incident> incidents() {
        return new ArrayList<>(List.of(
                new Incident("I152000001", T, 42.31, -71.08, "LARCENY", "0613", "Larceny", "B2", 2),
                new Incident("Zürich-Straße-名前-" + "x".repeat(40), T.plusNanos(123_456_789), 42.32, -71.09, "ASSAULT",
                        null, null, null, 3),
                new Incident(null, T.minusYears(60), 0, 0, "LARCENY", "0613", "Larceny", "B2", 4),
                new Incident("", T.plusDays(1), Double.NaN, -1, "VANDALISM", "1402", "Vandalism", "C11", 5),
                new Incident("I152000005", T.plusSeconds(1), 42.30, -71.07, "ASSAULT", "0802", "Simple Assault", "B3", 6),
                new Incident("nul\u0000inside", T.plusSeconds(2), 42.29, -71.06, "LARCENY", "0613", "Larceny", "B2",
                        Long.MAX_VALUE)));
    }

    @Test
    void overwrittenRowsReadInAnotherOrderEqualTheIncidentsWithTheirSourceLines() {
        List<Incident> expected = incidents();
        IncidentColumns.Builder b = IncidentColumns.builder(2).withSourceLines(); // grows past its first room
        expected.forEach(b);
        // as a reservoir does: the long non-ASCII id replaced by a short one, an id by null, a null by an id
        Incident shorter = new Incident("I9", T.plusNanos(1), 42.4, -71.2, "ROBBERY", "0301", "Robbery", "E13", 77);
        Incident noId = new Incident(null, T.plusHours(3), 42.5, -71.3, "LARCENY", null, "Larceny", "B2", 78);
        Incident idAgain = new Incident("Ω-1", T.minusDays(2), 42.6, -71.4, "FRAUD", "1106", null, "A1", 79);
        b.set(1, shorter).set(0, noId).set(2, idAgain);
        expected.set(1, shorter);
        expected.set(0, noId);
        expected.set(2, idAgain);
        assertEquals(expected, b.build());

        IncidentColumns built = IncidentColumns.builder(16).withSourceLines().add(expected.get(0)).build();
        assertEquals(78, built.sourceLine(0));

        int[] order = {4, 2, 0, 5, 1, 3};
        IncidentColumns.Builder again = IncidentColumns.builder(2).withSourceLines();
        incidents().forEach(again);
        again.set(1, shorter).set(0, noId).set(2, idAgain);
        IncidentColumns reordered = again.build().reordered(order);
        List<Incident> inOrder = Arrays.stream(order).mapToObj(expected::get).toList();
        assertEquals(inOrder, reordered);
        for (int k = 0; k < order.length; k++) {
            Incident i = inOrder.get(k);
            assertEquals(i.incidentId(), reordered.incidentId(k), "id at " + k);
            assertEquals(i.occurredAt(), reordered.occurredAt(k), "time at " + k);
            assertEquals(i.sourceLine(), reordered.sourceLine(k), "source line at " + k);
            assertEquals(i.district(), reordered.district(k), "district at " + k);
        }
        // an order of an order names the rows of the list it is taken from
        assertEquals(List.of(inOrder.get(3), inOrder.get(0)), reordered.reordered(new int[] {3, 0}));
        assertTrue(reordered.compareTime(2, 0) > 0 == inOrder.get(2).occurredAt().isAfter(inOrder.get(0).occurredAt()));
    }

    @Test
    void withoutSourceLinesEveryRowComesBackWithLineZero() {
        IncidentColumns columns = IncidentColumns.of(incidents());
        for (int r = 0; r < columns.size(); r++) {
            Incident i = incidents().get(r);
            assertEquals(new Incident(i.incidentId(), i.occurredAt(), i.lat(), i.lon(), i.offense(), i.offenseCode(),
                    i.offenseGroup(), i.district(), 0), columns.get(r));
            assertEquals(0, columns.sourceLine(r));
        }
    }

    @Test
    void moreDistinctValuesThanTwoBytesNameStillComeBack() {
        int n = 70_000;
        IncidentColumns.Builder b = IncidentColumns.builder(16);
        for (int r = 0; r < n; r++) {
            b.add(new Incident("I" + r, T, 42.3, -71.1, "OFFENSE " + r, r % 3 == 0 ? null : "C" + r, "G", "D", 0));
        }
        b.set(5, new Incident(null, T, 42.3, -71.1, "OFFENSE 69999", "C1", "G", null, 0));
        IncidentColumns columns = b.build();
        for (int r = 0; r < n; r++) {
            String offense = r == 5 ? "OFFENSE 69999" : "OFFENSE " + r;
            String code = r == 5 ? "C1" : r % 3 == 0 ? null : "C" + r;
            assertEquals(offense, columns.offense(r), "offence of row " + r);
            assertEquals(code, columns.offenseCode(r), "code of row " + r);
        }
        assertEquals(null, columns.district(5));
        assertEquals(null, columns.incidentId(5));
    }

    @Test
    void theLimitsAreRefusedWithTheirReason() {
        IncidentColumns.Builder b = IncidentColumns.builder(1024).atMost(2);
        b.add(incidents().get(0)).add(incidents().get(1));
        assertEquals("these columns hold at most 2 rows",
                assertThrows(IllegalStateException.class, () -> b.add(incidents().get(2))).getMessage());
        assertEquals("row 2 of 2", assertThrows(IndexOutOfBoundsException.class, () -> b.set(2, incidents().get(2))).getMessage());
        assertEquals("withSourceLines must come before the first row",
                assertThrows(IllegalStateException.class, b::withSourceLines).getMessage());
        IncidentColumns built = b.build();
        assertThrows(IllegalStateException.class, () -> b.add(incidents().get(2)));
        assertEquals("row 2 of 2", assertThrows(IndexOutOfBoundsException.class, () -> built.reordered(new int[] {2})).getMessage());
    }
}
