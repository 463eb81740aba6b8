package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk-load path: full chunks handed to the writer thread, the remainder written when a file ends,
 * every row once and in the order given, across chunks and files; a failure part-way leaves nothing behind.
 */
class IncidentChunkWriterTest {

    @TempDir
    Path home;

    private static IncidentRecord incident(long file, long line) {
        return new IncidentRecord(file, line, "I" + line, LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(line), 42.3, -71.1,
                "LARCENY", "619", "Larceny", "B3", "RIVER ST", "", line % 2 == 0 ? null : Boolean.TRUE, "", line * 31);
    }

    @Test
    void everyRowOnceInOrderAcrossBatchesAndFiles() {
        // full chunks for the writer thread, then remainders of odd sizes
        int[] sizes = {IncidentChunk.ROWS * 2 + 537, 1001};
        try (Database db = Database.open(home)) {
            DatasetStore store = new DatasetStore(db);
            store.write(w -> {
                w.openDataset("d", false, "t", Instant.EPOCH);
                for (int f = 0; f < sizes.length; f++) {
                    long file = w.addFile("f" + f + ".csv", 1, Instant.EPOCH, "t", null);
                    for (int line = 2; line < sizes[f] + 2; line++) {
                        w.insert(incident(file, line));
                    }
                    w.finishFile(file, String.valueOf(f).repeat(64), "m", sizes[f], sizes[f], "{}");
                }
                w.finishDataset("m", "{}", sizes[0] + sizes[1], null, null, Instant.EPOCH);
                return null;
            });
            List<IncidentRecord> rows = new ArrayList<>();
            store.forEachIncident(store.find("d").orElseThrow().id(), rows::add);
            assertEquals(sizes[0] + sizes[1], rows.size());
            List<IncidentRecord> expected = new ArrayList<>();
            List<Long> files = store.files(store.find("d").orElseThrow().id()).stream().map(DatasetFileRecord::id).toList();
            for (int f = 0; f < sizes.length; f++) {
                for (int line = 2; line < sizes[f] + 2; line++) {
                    expected.add(incident(files.get(f), line));
                }
            }
            assertEquals(expected, rows);
        }
    }

    @Test
    void aFailurePartWayLeavesNothing() {
        try (Database db = Database.open(home)) {
            DatasetStore store = new DatasetStore(db);
            RuntimeException e = assertThrows(IllegalStateException.class, () -> store.write(w -> {
                w.openDataset("d", false, "t", Instant.EPOCH);
                long file = w.addFile("f.csv", 1, Instant.EPOCH, "t", null);
                for (int line = 2; line < IncidentChunk.ROWS * 3; line++) {
                    w.insert(incident(file, line));
                }
                throw new IllegalStateException("bad row at line 5000");
            }));
            assertEquals("bad row at line 5000", e.getMessage());
            assertEquals(0, store.list().size());
            long left = db.query(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM incident_chunks")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(0, left);
        }
    }
}
