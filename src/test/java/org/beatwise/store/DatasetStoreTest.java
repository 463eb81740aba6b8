package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {

    @TempDir
    Path home;

    private static IncidentRecord incident(long line, LocalDateTime at) {
        return new IncidentRecord(0, line, "I" + line, at, 42.3, -71.1, "LARCENY", "619", "Larceny", "B3", "RIVER ST", "",
                null, "", line * 31);
    }

    @Test
    void datasetsAreApartAndDeletingOneLeavesTheOther() {
        try (Database db = Database.open(home)) {
            DatasetStore store = new DatasetStore(db);
            for (String name : List.of("a", "b")) {
                store.write(w -> {
                    w.openDataset(name, false, "t", Instant.EPOCH);
                    long file = w.addFile(name + ".csv", 10, Instant.EPOCH, "t", null);
                    for (int i = 0; i < 3; i++) {
                        IncidentRecord r = incident(i + 2, LocalDateTime.of(2024, 2, 29, 23, 15).plusDays(i));
                        w.insert(new IncidentRecord(file, r.sourceLine(), r.incidentId(), r.occurredAt(), r.lat(), r.lon(),
                                r.offense(), r.offenseCode(), r.offenseGroup(), r.district(), r.street(), r.reportingArea(),
                                r.shooting(), r.ucrPart(), r.dedupeKey()));
                    }
                    w.finishDataset("m", null, 3, null, null, Instant.EPOCH);
                    return null;
                });
            }
            DatasetRecord b = store.find("B").orElseThrow();
            List<IncidentRecord> rows = new ArrayList<>();
            store.forEachIncident(b.id(), rows::add);
            assertEquals(3, rows.size());
            assertEquals(LocalDateTime.of(2024, 3, 1, 23, 15), rows.get(1).occurredAt());
            assertTrue(store.delete("a"));
            rows.clear();
            store.forEachIncident(b.id(), rows::add);
            assertEquals(3, rows.size(), "deleting one dataset leaves the other's range alone");
            long left = db.query(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SUM(row_count) FROM incident_chunks")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(3, left);
        }
    }
}
