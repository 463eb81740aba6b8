package org.beatwise.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void theResultComesBack() throws Exception {
        assertEquals("done", Futures.join(CompletableFuture.completedFuture("done"), "never"));
        assertEquals(7, Futures.join(CompletableFuture.completedFuture(7), Progress.NONE, SQLException::new));
    }

    @Test
    void aRuntimeFailureOfTheWorkIsThrownAsItIs() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad row 12");
        CompletableFuture<String> work = CompletableFuture.failedFuture(thrown);
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> Futures.join(work, "ignored")));
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> Futures.join(work, c -> new SQLException(c))));
    }

    @Test
    void anErrorOfTheWorkIsThrownAsItIs() {
        OutOfMemoryError thrown = new OutOfMemoryError("test");
        assertSame(thrown, assertThrows(OutOfMemoryError.class,
                () -> Futures.join(CompletableFuture.failedFuture(thrown), "ignored")));
    }

    @Test
    void aCheckedFailureIsTranslatedForTheCaller() {
        IOException cause = new IOException("disk gone");
        CompletableFuture<String> work = CompletableFuture.failedFuture(cause);
        SQLException sql = assertThrows(SQLException.class,
                () -> Futures.join(work, c -> new SQLException("writing failed: " + c.getMessage(), c)));
        assertEquals("writing failed: disk gone", sql.getMessage());
        assertSame(cause, sql.getCause());
        IllegalStateException plain = assertThrows(IllegalStateException.class, () -> Futures.join(work, "hashing failed"));
        assertEquals("hashing failed: disk gone", plain.getMessage());
    }

    @Test
    void anInterruptedWaitIsACancelAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancelledException.class, () -> Futures.join(new CompletableFuture<String>(), "never"));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aCancelAskedForWhileWaitingEndsTheWaitThoughTheWorkNeverEnds() {
        AtomicInteger checks = new AtomicInteger();
        Progress cancelledOnSecondLook = new Progress() {
            @Override public void update(long done, long total, String message) { }
            @Override public boolean isCancelled() {
                return checks.incrementAndGet() >= 2;
            }
        };
        CompletableFuture<String> never = new CompletableFuture<>();
        assertThrows(CancelledException.class, () -> Futures.join(never, cancelledOnSecondLook, SQLException::new));
        assertEquals(2, checks.get());
        assertTrue(!never.isDone());
    }
}
