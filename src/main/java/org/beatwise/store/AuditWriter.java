package org.beatwise.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.beatwise.task.Futures;

/**
 * Group commit for the audit log: callers hand entries to one writer thread, which writes everything
 * waiting in one transaction ({@link AuditStore#recordAll}) and then tells each caller its entry is
 * committed. While one batch is being written the next gathers, so N concurrent callers cost about one
 * transaction instead of N serialised ones, and no caller waits for a timer: a lone entry is written at
 * once. {@link #record} returns only once the entry is committed, so whoever answers a request after
 * it has the entry in the database first.
 *
 * <p>{@link #close()} stops taking entries and writes every one already handed over before it returns.
 */
public final class AuditWriter implements AutoCloseable {

    /** At most this many entries in one transaction, so one batch never holds the chain for long. */
    static final int MAX_BATCH = 256;

    private final AuditStore store;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Item(AuditStore.Pending entry, CompletableFuture<Void> done) { }

    // an item that wakes the writer when it is closed; never written
    private static final Item STOP = new Item(null, null);

    public AuditWriter(AuditStore store, String threadName) {
        this.store = store;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes an entry, chained after everything before it, and returns once it is committed.
     *
     * @throws StoreException when the database refused the batch it was in
     * @throws IllegalStateException when the writer is closed
     */
    public void record(String username, AuditEvent event, String detail) {
        Futures.join(submit(username, event, detail), cause -> new StoreException(cause.getMessage(), cause));
    }

    /** Hands an entry over without waiting; the future completes when it is committed. */
    public CompletableFuture<Void> submit(String username, AuditEvent event, String detail) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // the entry is stamped now, in the order callers arrive: the chain keeps that order
        synchronized (queue) {
            if (closed) {
                throw new IllegalStateException("the audit writer is closed");
            }
            queue.add(new Item(store.entry(username, event, detail), done));
        }
        return done;
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping || !queue.isEmpty()) {
            try {
                Item first = queue.take();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                // close() waits for the queue to empty; only a stop item ends the loop
                continue;
            }
            List<AuditStore.Pending> entries = new ArrayList<>(batch.size());
            for (Item i : batch) {
                if (i == STOP) {
                    stopping = true;
                } else {
                    entries.add(i.entry());
                }
            }
            try {
                store.recordAll(entries);
                batch.forEach(i -> complete(i, null));
            } catch (RuntimeException e) {
                batch.forEach(i -> complete(i, e));
            }
            batch.clear();
        }
    }

    private static void complete(Item i, RuntimeException failure) {
        if (i == STOP) {
            return;
        }
        if (failure == null) {
            i.done().complete(null);
        } else {
            i.done().completeExceptionally(failure);
        }
    }

    /** Stops taking entries, writes every one handed over, and waits (up to a minute) for the writer to finish. */
    @Override
    public void close() {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
