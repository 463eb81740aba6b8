package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.beatwise.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {

    private static final Instant START = Instant.parse("2024-03-01T08:00:00Z");

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(START);

    private void recordFive(AuditStore audit) {
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            audit.record("alice", AuditEvent.IMPORT, "dataset 'd" + i + "'");
        }
    }

    /** Tampering as someone with a database tool would: plain SQL straight to the H2 file. */
    private int tamper(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(Database.urlFor(home), "sa", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static long idOfNth(AuditStore audit, int n) {
        List<AuditEntry> newestFirst = audit.latest(100);
        return newestFirst.get(newestFirst.size() - n).id();
    }

    @Test
    void anUntouchedLogIsIntact() {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            AuditVerification v = audit.verify();
            assertTrue(v.intact(), v.toString());
            assertEquals(5, v.entries());
            assertEquals(0, v.beforeChain());
            assertEquals(idOfNth(audit, 5), v.lastId());
            assertEquals(64, v.lastHash().length());
        }
    }

    @Test
    void aChangedDetailIsNamedWithItsIdAndTime() throws SQLException {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            long third = idOfNth(audit, 3);
            assertEquals(1, tamper("UPDATE audit_log SET detail = ? WHERE id = ?", "dataset 'nothing to see'", third));

            AuditVerification v = audit.verify();
            assertFalse(v.intact());
            assertEquals(third, v.brokenId());
            assertEquals(START.plus(Duration.ofMinutes(3)), v.brokenAt());
            assertEquals("entry " + third + " was changed after it was written", v.problem());
        }
    }

    @Test
    void aChangedTimeOrUserIsFoundToo() throws SQLException {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            long second = idOfNth(audit, 2);
            tamper("UPDATE audit_log SET username = ? WHERE id = ?", "mallory", second);
            assertEquals(second, audit.verify().brokenId());
        }
    }

    @Test
    void aDeletedEntryIsNamedAsTheGapBeforeTheNextOne() throws SQLException {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            long second = idOfNth(audit, 2);
            long third = idOfNth(audit, 3);
            long fourth = idOfNth(audit, 4);
            assertEquals(1, tamper("DELETE FROM audit_log WHERE id = ?", third));

            AuditVerification v = audit.verify();
            assertFalse(v.intact());
            assertEquals(fourth, v.brokenId());
            assertEquals(START.plus(Duration.ofMinutes(4)), v.brokenAt());
            assertEquals("entries are missing before entry " + fourth + ": it was chained to entry " + third
                    + ", which is gone (the last intact entry before it is " + second + ")", v.problem());
        }
    }

    @Test
    void entriesDeletedFromTheEndAreFoundThroughTheRecordedTail() throws SQLException {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            long fourth = idOfNth(audit, 4);
            long fifth = idOfNth(audit, 5);
            tamper("DELETE FROM audit_log WHERE id = ?", fifth);

            AuditVerification v = audit.verify();
            assertFalse(v.intact());
            assertEquals(fifth, v.brokenId());
            assertNull(v.brokenAt());
            assertTrue(v.problem().startsWith("entry " + fifth + ", the last one written, is missing: the log now ends at entry "
                    + fourth), v.problem());
        }
    }

    @Test
    void aRowInsertedAroundBeatwiseIsFound() throws SQLException {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            tamper("INSERT INTO audit_log (at, username, event, detail) VALUES (?, ?, ?, ?)",
                    java.time.OffsetDateTime.parse("2024-03-01T08:03:30Z"), "mallory", "IMPORT", "forged");
            AuditVerification v = audit.verify();
            assertFalse(v.intact());
            assertTrue(v.problem().contains("carries no chain hash"), v.problem());
        }
    }

    @Test
    void twoThreadsRecordingAtOnceStillMakeOneValidChain() throws Exception {
        try (Database db = Database.open(home)) {
            // Two stores, as two services would hold: the chain's tail must still be taken one at a time.
            AuditStore a = new AuditStore(db, clock);
            AuditStore b = new AuditStore(db, clock);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = List.of(
                        pool.submit(() -> writeMany(go, a, "a")),
                        pool.submit(() -> writeMany(go, b, "b")));
                go.countDown();
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            AuditVerification v = a.verify();
            assertTrue(v.intact(), v.toString());
            assertEquals(100, v.entries());
        }
    }

    private static Void writeMany(CountDownLatch go, AuditStore audit, String who) throws InterruptedException {
        go.await();
        for (int i = 0; i < 50; i++) {
            audit.record(who, AuditEvent.ALERT, who + " " + i);
        }
        return null;
    }

    @Test
    void entriesFromBeforeTheUpgradeAreTheChainsUncoveredStart() throws SQLException {
        try (Database db = Database.open(home)) {
            // Back to the schema before V6, then two entries written the old way.
            db.query(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE audit_chain");
                    st.execute("ALTER TABLE audit_log DROP COLUMN prev_id");
                    st.execute("ALTER TABLE audit_log DROP COLUMN prev_hash");
                    st.execute("ALTER TABLE audit_log DROP COLUMN entry_hash");
                    st.execute("DELETE FROM schema_version WHERE version = 6");
                }
                return null;
            });
            for (String user : List.of("old1", "old2")) {
                tamper("INSERT INTO audit_log (at, username, event, detail) VALUES (?, ?, ?, ?)",
                        java.time.OffsetDateTime.parse("2023-01-01T00:00:00Z"), user, "IMPORT", "before the chain");
            }
        }
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            recordFive(audit);
            AuditVerification v = audit.verify();
            assertTrue(v.intact(), v.toString());
            assertEquals(7, v.entries());
            assertEquals(2, v.beforeChain());
        }
    }
}
