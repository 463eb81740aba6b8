package org.beatwise.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Incident rows into PostgreSQL with COPY (pgjdbc's CopyManager) in COPY's binary format, a few MB per
 * COPY command. Binary because the text format cost the client most of its time in turning doubles,
 * longs and timestamps into text (and the server as much again in parsing them back); binary numbers
 * are written as their bytes. One command at a time is sent from a helper thread while the importer
 * reads and cleans the next rows, so the server's insert and the client's parsing overlap instead of
 * taking turns. Two buffers alternate: one is filled while the other is sent. {@link #flush} and
 * {@link #close} wait for the command in flight, so the writer's other statements never meet a COPY in
 * progress and a failed import is rolled back only once the connection is idle; every command runs in
 * the import's one transaction, so it stays all or nothing.
 */
final class PostgresCopyLoad implements IncidentBulkLoad {

    static final String COPY = "COPY incidents (id, dataset_id, file_id, source_line, incident_id, occurred_at, lat, lon, "
            + "offense, offense_code, offense_group, district, street, reporting_area, shooting, ucr_part, dedupe_key) "
            + "FROM STDIN (FORMAT binary)";
    private static final short COLUMNS = 17;
    // "PGCOPY\n\377\r\n\0", then flags (no OIDs) and the header extension's length, both 0
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    // large enough that the per-command cost vanishes, small enough to stay a few MB of heap
    private static final int FLUSH_AT_BYTES = 4 << 20;
    // PostgreSQL's timestamps count microseconds from 2000-01-01 00:00
    private static final long PG_EPOCH_SECONDS = 946_684_800L;

    private final CopyManager copy;
    private byte[] buf = new byte[FLUSH_AT_BYTES + 64 * 1024];
    // the other buffer: being sent while this one fills, or free
    private byte[] spare = new byte[FLUSH_AT_BYTES + 64 * 1024];
    private int pos;
    // one thread, one command in flight: the connection is never used by two threads at once
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "beatwise-copy");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;

    PostgresCopyLoad(Connection c) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void add(long id, long datasetId, IncidentRecord r) throws SQLException {
        if (pos == 0) {
            System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
            pos = HEADER.length;
        }
        room(2 + 10 * 12 + 2 * 12 + 5);
        putShort(COLUMNS);
        int8(id);
        int8(datasetId);
        int8(r.fileId());
        int8(r.sourceLine());
        text(r.incidentId());
        int8(timestampMicros(r.occurredAt()));
        int8(Double.doubleToLongBits(r.lat()));
        int8(Double.doubleToLongBits(r.lon()));
        text(r.offense());
        text(r.offenseCode());
        text(r.offenseGroup());
        text(r.district());
        text(r.street());
        text(r.reportingArea());
        room(5);
        if (r.shooting() == null) {
            putInt(-1);
        } else {
            putInt(1);
            buf[pos++] = (byte) (r.shooting() ? 1 : 0);
        }
        text(r.ucrPart());
        int8(r.dedupeKey());
        if (pos >= FLUSH_AT_BYTES) {
            send();
        }
    }

    /** The local date-time as PostgreSQL's binary timestamp, rounded to the microsecond as its text input does. */
    static long timestampMicros(LocalDateTime t) {
        return (t.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECONDS) * 1_000_000L + (t.getNano() + 500) / 1000;
    }

    /** An 8-byte field: its length, then the value big-endian (bigint, timestamp, double's bits). */
    private void int8(long v) {
        room(12);
        putInt(8);
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) (v >>> 56);
        b[p + 1] = (byte) (v >>> 48);
        b[p + 2] = (byte) (v >>> 40);
        b[p + 3] = (byte) (v >>> 32);
        b[p + 4] = (byte) (v >>> 24);
        b[p + 5] = (byte) (v >>> 16);
        b[p + 6] = (byte) (v >>> 8);
        b[p + 7] = (byte) v;
        pos = p + 8;
    }

    /** A text field as UTF-8; ASCII (nearly every character of an export) is copied without a String encoder. */
    private void text(String s) {
        if (s == null) {
            room(4);
            putInt(-1);
            return;
        }
        int n = s.length();
        room(4 + n);
        int lengthAt = pos;
        int p = pos + 4;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                room(4 + utf8.length);
                putInt(utf8.length);
                System.arraycopy(utf8, 0, buf, pos, utf8.length);
                pos += utf8.length;
                return;
            }
            b[p++] = (byte) ch;
        }
        pos = lengthAt;
        putInt(n);
        pos = p;
    }

    private void putInt(int v) {
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        pos = p + 4;
    }

    private void putShort(short v) {
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
        pos += 2;
    }

    /** Makes room for {@code bytes} more (a field of up to 1 MB of text may need more than the margin). */
    private void room(int bytes) {
        if (pos + bytes > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + bytes));
        }
    }

    /** Hands the queued rows to the helper thread once the previous command is complete. */
    private void send() throws SQLException {
        if (pos == 0) {
            return;
        }
        room(2);
        putShort((short) -1); // the trailer
        byte[] bytes = buf;
        int length = pos;
        await(); // the spare buffer is free once its command is done
        buf = spare;
        spare = bytes;
        pos = 0;
        inFlight = sender.submit(() -> {
            CopyIn in = copy.copyIn(COPY);
            try {
                in.writeToCopy(bytes, 0, length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            return null;
        });
    }

    /** Waits for the command in flight; its failure is this call's. */
    private void await() throws SQLException {
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(false);
            throw new SQLException("interrupted while COPY into incidents ran", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("COPY into incidents failed: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void flush() throws SQLException {
        send();
        await();
    }

    @Override
    public void close() throws SQLException {
        try {
            await();
        } finally {
            sender.shutdown();
        }
    }
}
