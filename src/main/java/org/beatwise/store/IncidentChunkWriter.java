package org.beatwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.beatwise.task.Futures;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The bulk path of an import: incidents into {@code incident_chunks} as {@link IncidentChunk}s, on the
 * import's own connection and transaction, so a failure, a cancel or a kill still leaves nothing behind.
 *
 * <p>The reader parses on the calling thread and hands records over in blocks of {@link #BLOCK}; one
 * writer thread puts them into the chunk's columns ({@link IncidentChunk.Builder}), encodes and stores
 * each full chunk, so on two cores parsing and storing overlap instead of adding up. At most
 * {@link #IN_FLIGHT} blocks wait: few records are alive at any time, so a young collection has little to
 * copy (thousands of queued records once cost a quarter of a large import's time in collections).
 * H2 takes a chunk as one INSERT; PostgreSQL as one row of a binary COPY (pgjdbc's CopyManager).
 */
final class IncidentChunkWriter implements AutoCloseable {

    private static final int BLOCK = 1024;
    private static final int IN_FLIGHT = 4;
    private static final String INSERT = "INSERT INTO incident_chunks (dataset_id, first_row, row_count, data) VALUES (?, ?, ?, ?)";
    private static final String COPY = "COPY incident_chunks (dataset_id, first_row, row_count, data) FROM STDIN (FORMAT binary)";
    // "PGCOPY\n\377\r\n\0", then flags (no OIDs) and the header extension's length, both 0
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Connection c;
    private final Engine engine;
    private final long datasetId;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private ExecutorService thread;
    private PreparedStatement insert;
    // filled and stored on the writer thread only
    private final IncidentChunk.Builder chunk = new IncidentChunk.Builder();
    private long nextRow;
    // the records not yet handed over: a small block, so that few records are alive at a young collection
    private IncidentRecord[] block = new IncidentRecord[BLOCK];
    private int blocked;

    IncidentChunkWriter(Connection c, Engine engine, long datasetId, long firstRow) {
        this.c = c;
        this.engine = engine;
        this.datasetId = datasetId;
        this.nextRow = firstRow;
    }

    /** Queues one incident, after those already queued. */
    void add(IncidentRecord r) throws SQLException {
        block[blocked++] = r;
        if (blocked == BLOCK) {
            hand(false);
        }
    }

    /**
     * Stores everything queued and waits for the writer thread, so the caller may use the connection
     * again; the first failure of the writer thread is thrown here or by {@link #add}.
     */
    void flush() throws SQLException {
        hand(true);
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    /** Hands the block to the writer thread, which stores each chunk it fills, and the rest too when {@code last}. */
    private void hand(boolean last) throws SQLException {
        if (blocked == 0 && !last) {
            return;
        }
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "beatwise-chunk-writer");
                t.setDaemon(true);
                return t;
            });
        }
        IncidentRecord[] rows = block;
        int count = blocked;
        inFlight.addLast(thread.submit(() -> {
            for (int i = 0; i < count; i++) {
                chunk.add(rows[i]);
                if (chunk.full()) {
                    store();
                }
            }
            if (last) {
                store();
            }
            return null;
        }));
        block = new IncidentRecord[BLOCK];
        blocked = 0;
    }

    private void store() throws SQLException {
        if (chunk.size() == 0) {
            return;
        }
        int count = chunk.size();
        byte[] data = chunk.toBytes();
        chunk.clear();
        store(nextRow, count, data);
        nextRow += count;
    }

    private void store(long firstRow, int count, byte[] data) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            copy(firstRow, count, data);
            return;
        }
        if (insert == null) {
            insert = c.prepareStatement(INSERT);
        }
        insert.setLong(1, datasetId);
        insert.setLong(2, firstRow);
        insert.setInt(3, count);
        insert.setBytes(4, data);
        insert.executeUpdate();
    }

    private void copy(long firstRow, int count, byte[] data) throws SQLException {
        // header, field count, three numbers each with its length, the data with its length, trailer
        byte[] tuple = new byte[COPY_HEADER.length + 2 + 12 + 12 + 8 + 4 + data.length + 2];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tuple); // big-endian, as COPY's binary format
        b.put(COPY_HEADER).putShort((short) 4);
        b.putInt(8).putLong(datasetId);
        b.putInt(8).putLong(firstRow);
        b.putInt(4).putInt(count);
        b.putInt(data.length).put(data);
        b.putShort((short) -1); // the trailer
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            in.writeToCopy(tuple, 0, b.position());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void await(Future<?> f) throws SQLException {
        Futures.join(f, cause -> cause instanceof SQLException sql ? sql : new SQLException("writing incidents failed: " + cause, cause));
    }

    /**
     * Stops the writer thread, waiting for a chunk it is storing (the transaction is rolled back after
     * this when the import failed, and must not race a running statement), and closes the statement.
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
                    // a chunk being stored: it ends by itself within moments
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.clear();
        }
        if (insert != null) {
            insert.close();
        }
    }
}
