package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.beatwise.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batched, chained audit entries on a real H2 file: one transaction a batch, the chain intact, nothing lost. */
class AuditWriterTest {

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void aBatchIsChainedInOrderAndVerifiesBetweenSingleEntries() {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            audit.record("alice", AuditEvent.IMPORT, "before");
            List<AuditStore.Pending> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(audit.entry("bob", AuditEvent.API_CALL, "call " + i));
            }
            audit.recordAll(batch);
            audit.record("alice", AuditEvent.IMPORT, "after");
            AuditVerification v = audit.verify();
            assertTrue(v.intact(), v.toString());
            List<AuditEntry> newestFirst = audit.latest(100);
            assertEquals(52, newestFirst.size());
            assertEquals("after", newestFirst.get(0).detail());
            assertEquals("call 49", newestFirst.get(1).detail());
            assertEquals("call 0", newestFirst.get(50).detail());
            assertEquals("before", newestFirst.get(51).detail());
        }
    }

    @Test
    void anEntryChangedInsideABatchIsFound() throws Exception {
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            List<AuditStore.Pending> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(audit.entry("bob", AuditEvent.API_CALL, "GET /api/v1/models -> 200"));
            }
            audit.recordAll(batch);
            long third = audit.latest(5).get(2).id();
            try (Connection c = DriverManager.getConnection(Database.urlFor(home), "sa", "");
                 PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET detail = ? WHERE id = ?")) {
                ps.setString(1, "GET /api/v1/models -> 403");
                ps.setLong(2, third);
                assertEquals(1, ps.executeUpdate());
            }
            AuditVerification v = audit.verify();
            assertTrue(!v.intact(), v.toString());
        }
    }

    @Test
    void concurrentCallersAreEachCommittedOnceInOneChain() throws Exception {
        int threads = 8;
        int each = 40;
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try (AuditWriter writer = new AuditWriter(audit, "test-audit")) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            writer.record("u" + thread, AuditEvent.API_CALL, thread + "/" + i);
                            // record() returns once committed: the entry is readable now
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            List<AuditEntry> all = audit.latest(threads * each + 10);
            assertEquals(threads * each, all.size());
            Set<String> details = new HashSet<>();
            all.forEach(e -> details.add(e.detail()));
            assertEquals(threads * each, details.size(), "every entry once");
            AuditVerification v = audit.verify();
            assertTrue(v.intact(), v.toString());
        }
    }

    @Test
    void closeWritesEveryEntryHandedOverAndThenRefusesMore() {
        int n = 500;
        try (Database db = Database.open(home)) {
            AuditStore audit = new AuditStore(db, clock);
            AuditWriter writer = new AuditWriter(audit, "test-audit");
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(writer.submit("carol", AuditEvent.API_CALL, "queued " + i));
            }
            writer.close();
            assertTrue(futures.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
            assertEquals(n, audit.latest(n + 10).size());
            assertTrue(audit.verify().intact());
            assertThrows(IllegalStateException.class, () -> writer.submit("carol", AuditEvent.API_CALL, "late"));
        }
    }
}
