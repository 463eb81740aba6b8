package org.beatwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The H2 bulk-load path of an import: incidents into the {@code incidents} table on the import's own
 * connection and transaction (so a failure, a cancel or a kill still leaves nothing behind).
 *
 * <p>Where H2 spends the time: its cost is per statement executed more than per value, so rows go a
 * hundred to one multi-row INSERT through one reused PreparedStatement; the only index is the primary
 * key, whose values ascend (see V2__datasets.sql). The reader parses the next rows on the calling thread
 * while one loader thread inserts full batches, so on two cores parsing and inserting overlap instead of
 * adding up. At most {@link #IN_FLIGHT} batches wait, which bounds the memory.
 *
 * <p>Another engine's bulk path (PostgreSQL's COPY) belongs beside this class, not inside it.
 */
final class H2IncidentLoader implements AutoCloseable {

    /** Rows per INSERT statement. */
    static final int ROWS_PER_INSERT = 100;
    /** Statements per batch handed to the loader thread. */
    private static final int STATEMENTS_PER_BATCH = 10;
    private static final int BATCH = ROWS_PER_INSERT * STATEMENTS_PER_BATCH;
    private static final int IN_FLIGHT = 4;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int COLUMN_COUNT = 17;

    private final Connection c;
    private final String columns;
    private final long datasetId;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private ExecutorService thread;
    private PreparedStatement insertMany;
    private PreparedStatement insertOne;
    private IncidentRecord[] batch = new IncidentRecord[BATCH];
    private long[] ids = new long[BATCH];
    private int buffered;
    private long nextId;

    H2IncidentLoader(Connection c, String columns, long datasetId, long firstId) {
        this.c = c;
        this.columns = columns;
        this.datasetId = datasetId;
        this.nextId = firstId;
    }

    /** Queues one incident; its id is the next of the dataset's range, in the order given. */
    void add(IncidentRecord r) throws SQLException {
        batch[buffered] = r;
        ids[buffered] = nextId++;
        buffered++;
        if (buffered == BATCH) {
            hand(batch, ids);
            batch = new IncidentRecord[BATCH];
            ids = new long[BATCH];
            buffered = 0;
        }
    }

    /**
     * Writes everything queued and waits for the loader thread, so the caller may use the connection
     * again; the first failure of the loader thread is thrown here or by {@link #add}.
     */
    void finish() throws SQLException {
        awaitAll();
        if (buffered == 0) {
            return;
        }
        int full = buffered / ROWS_PER_INSERT * ROWS_PER_INSERT;
        insertStatements(batch, ids, full);
        if (insertOne == null) {
            insertOne = c.prepareStatement("INSERT INTO incidents (" + columns + ") VALUES " + ROW);
        }
        for (int i = full; i < buffered; i++) {
            bind(insertOne, 0, batch[i], ids[i]);
            insertOne.addBatch();
        }
        insertOne.executeBatch();
        buffered = 0;
    }

    private void hand(IncidentRecord[] rows, long[] rowIds) throws SQLException {
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "beatwise-h2-load");
                t.setDaemon(true);
                return t;
            });
        }
        inFlight.addLast(thread.submit(() -> {
            insertStatements(rows, rowIds, rows.length);
            return null;
        }));
    }

    private void insertStatements(IncidentRecord[] rows, long[] rowIds, int count) throws SQLException {
        if (count == 0) {
            return;
        }
        if (insertMany == null) {
            insertMany = c.prepareStatement("INSERT INTO incidents (" + columns + ") VALUES "
                    + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, ROW)));
        }
        for (int s = 0; s < count; s += ROWS_PER_INSERT) {
            for (int i = 0; i < ROWS_PER_INSERT; i++) {
                bind(insertMany, i * COLUMN_COUNT, rows[s + i], rowIds[s + i]);
            }
            insertMany.executeUpdate();
        }
    }

    private void bind(PreparedStatement ps, int offset, IncidentRecord r, long id) throws SQLException {
        ps.setLong(offset + 1, id);
        ps.setLong(offset + 2, datasetId);
        ps.setLong(offset + 3, r.fileId());
        ps.setLong(offset + 4, r.sourceLine());
        ps.setString(offset + 5, r.incidentId());
        ps.setObject(offset + 6, r.occurredAt());
        ps.setDouble(offset + 7, r.lat());
        ps.setDouble(offset + 8, r.lon());
        ps.setString(offset + 9, r.offense());
        ps.setString(offset + 10, r.offenseCode());
        ps.setString(offset + 11, r.offenseGroup());
        ps.setString(offset + 12, r.district());
        ps.setString(offset + 13, r.street());
        ps.setString(offset + 14, r.reportingArea());
        if (r.shooting() == null) {
            ps.setNull(offset + 15, Types.BOOLEAN);
        } else {
            ps.setBoolean(offset + 15, r.shooting());
        }
        ps.setString(offset + 16, r.ucrPart());
        ps.setLong(offset + 17, r.dedupeKey());
    }

    private void awaitAll() throws SQLException {
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    private static void await(Future<?> f) throws SQLException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the incidents to be written", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new SQLException("writing incidents failed: " + cause, cause);
        }
    }

    /**
     * Stops the loader thread, waiting for a statement it is running (the transaction is rolled back
     * after this when the import failed, and must not race a running insert), and closes the statements.
     */
    @Override
    public void close() throws SQLException {
        if (thread != null) {
            for (Future<?> f : inFlight) {
                f.cancel(false);
            }
            thread.shutdown();
            try {
                while (!thread.awaitTermination(1, TimeUnit.SECONDS)) {
                    // a multi-row INSERT in progress: it ends by itself within moments
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.clear();
        }
        if (insertMany != null) {
            insertMany.close();
        }
        if (insertOne != null) {
            insertOne.close();
        }
    }
}
