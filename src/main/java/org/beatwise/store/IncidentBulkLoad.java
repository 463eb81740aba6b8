package org.beatwise.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An engine's fast way to write many incident rows inside the import's transaction, so a failed import
 * still leaves nothing. H2's is the multi-row INSERT inside {@link DatasetStore.Writer}; PostgreSQL's is
 * COPY ({@link PostgresCopyLoad}).
 */
interface IncidentBulkLoad {

    /** Queues one row under key {@code id} of dataset {@code datasetId}. */
    void add(long id, long datasetId, IncidentRecord r) throws SQLException;

    /** Writes every queued row; other statements may run on the connection only after this. */
    void flush() throws SQLException;

    /** Waits for any write still under way and frees what the loader holds; the connection is then idle. */
    default void close() throws SQLException { }

    /** The engine's bulk loader for {@code c}, or null where the writer's own INSERT path is the fast one. */
    static IncidentBulkLoad forEngine(Engine engine, Connection c) throws SQLException {
        return engine == Engine.POSTGRESQL ? new PostgresCopyLoad(c) : null;
    }
}
