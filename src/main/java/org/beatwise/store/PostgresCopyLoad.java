package org.beatwise.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Incident rows into PostgreSQL with COPY (pgjdbc's CopyManager), in COPY's text format, a few MB per
 * COPY command. One command at a time is sent from a helper thread while the importer reads and cleans
 * the next rows, so the server's insert and the client's parsing overlap instead of taking turns (the
 * server's share alone was 8–10 s of a 1,000,000-row import here). {@link #flush} and {@link #close}
 * wait for the command in flight, so the writer's other statements never meet a COPY in progress and a
 * failed import is rolled back only once the connection is idle; every command runs in the import's
 * one transaction, so it stays all or nothing.
 */
final class PostgresCopyLoad implements IncidentBulkLoad {

    static final String COPY = "COPY incidents (id, dataset_id, file_id, source_line, incident_id, occurred_at, lat, lon, "
            + "offense, offense_code, offense_group, district, street, reporting_area, shooting, ucr_part, dedupe_key) "
            + "FROM STDIN";
    // large enough that the per-command cost vanishes, small enough to stay a few MB of heap
    private static final int FLUSH_AT_CHARS = 4 << 20;

    private final CopyManager copy;
    private final StringBuilder rows = new StringBuilder(FLUSH_AT_CHARS + 4096);
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
        StringBuilder b = rows;
        b.append(id).append('\t').append(datasetId).append('\t').append(r.fileId()).append('\t').append(r.sourceLine()).append('\t');
        text(r.incidentId());
        // ISO-8601 local date-time, which PostgreSQL's timestamp input reads as written
        b.append(r.occurredAt()).append('\t');
        // Double.toString is the shortest text that reads back as the same double
        b.append(r.lat()).append('\t').append(r.lon()).append('\t');
        text(r.offense());
        text(r.offenseCode());
        text(r.offenseGroup());
        text(r.district());
        text(r.street());
        text(r.reportingArea());
        b.append(r.shooting() == null ? "\\N" : r.shooting() ? "t" : "f").append('\t');
        text(r.ucrPart());
        b.append(r.dedupeKey()).append('\n');
        if (b.length() >= FLUSH_AT_CHARS) {
            send();
        }
    }

    /** One text column and its tab, escaped as COPY's text format requires (the CSV fields may hold anything). */
    private void text(String s) {
        StringBuilder b = rows;
        if (s == null) {
            b.append("\\N\t");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        b.append('\t');
    }

    /** Hands the queued rows to the helper thread once the previous command is complete. */
    private void send() throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        await();
        inFlight = sender.submit(() -> {
            copy.copyIn(COPY, new ByteArrayInputStream(bytes));
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
