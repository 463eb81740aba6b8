package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engines' bulk paths (H2's INSERT, PostgreSQL's binary COPY of incident chunks) store exactly what
 * they are given: awkward text, nulls, times before 2000 and with microseconds, doubles to the last bit,
 * a field of several MB, and enough rows for several chunks.
 */
class IncidentBulkLoadTest {

    @TempDir
    Path home;

    private static final String[] AWKWARD = {"tab\there", "new\nline\r\n", "back\\slash \\N", "\\N", "", "Zoë’s café",
        "emoji \uD83D\uDE93 and a lone \u00FF", "quote \" and comma ,"};

    private static List<IncidentRecord> rows(long fileId) {
        List<IncidentRecord> rows = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            String odd = AWKWARD[i % AWKWARD.length];
            LocalDateTime at = LocalDateTime.of(1999 + i % 30, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, (i % 1000) * 1000);
            Boolean shooting = i % 3 == 0 ? null : i % 3 == 1;
            rows.add(new IncidentRecord(fileId, i + 2, "I" + i + odd, at, 42.3 + i * 1e-7 + 1e-13, -71.1 - i / 3.0e6, "OFFENSE " + odd,
                    Integer.toString(600 + i % 50), "Group" + odd, "B" + i % 3, odd + " ST", odd, shooting, odd, i * 0x9E3779B97F4A7C15L));
        }
        // one field far larger than a COPY command's buffer
        rows.add(new IncidentRecord(fileId, 1, "long", LocalDateTime.of(2020, 1, 1, 0, 0), 1, 2, "x".repeat(5 << 20), "", "",
                "", "é".repeat(3 << 20), "", null, "", 7));
        return rows;
    }

    private static List<IncidentRecord> writeAndRead(Database db) {
        DatasetStore store = new DatasetStore(db);
        store.write(w -> {
            w.openDataset("d", false, "t", Instant.EPOCH);
            long file = w.addFile("d.csv", 10, Instant.EPOCH, "t", null);
            for (IncidentRecord r : rows(file)) {
                w.insert(r);
            }
            w.finishDataset("m", null, 40_001, null, null, Instant.EPOCH);
            return null;
        });
        List<IncidentRecord> back = new ArrayList<>();
        store.forEachIncident(store.find("d").orElseThrow().id(), back::add);
        return back;
    }

    @Test
    void h2StoresExactlyWhatItIsGiven() {
        try (Database db = Database.open(home)) {
            List<IncidentRecord> back = writeAndRead(db);
            assertEquals(rows(back.get(0).fileId()), back);
            // the larger page split size that makes a large import's commit cheaper is in force
            String pageSize = db.query(c -> {
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.PAGE_SIZE'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals(Integer.toString(Database.PAGE_SIZE), pageSize);
        }
    }

    @Test
    void postgresCopyStoresExactlyWhatItIsGiven() {
        try (TestPostgres.Schema schema = TestPostgres.schema(); Database db = Database.openShared(schema.url(), null, null)) {
            List<IncidentRecord> back = writeAndRead(db);
            List<IncidentRecord> expected = rows(back.get(0).fileId());
            assertEquals(expected.size(), back.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), back.get(i), "row " + i);
            }
        }
    }
}
