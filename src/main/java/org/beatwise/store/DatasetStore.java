package org.beatwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The datasets, dataset_files, incidents and column_mappings tables. Names are unique regardless of
 * case. All writes of one import go through one {@link Writer} inside one transaction.
 */
public final class DatasetStore {

    private final Database db;

    public DatasetStore(Database db) {
        this.db = db;
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** All datasets, by name. */
    public List<DatasetRecord> list() {
        return db.list("SELECT * FROM datasets ORDER BY name_key", DatasetStore::readDataset);
    }

    public Optional<DatasetRecord> find(String name) {
        return db.query(c -> findDataset(c, name));
    }

    public List<DatasetFileRecord> files(long datasetId) {
        return db.query(c -> {
            List<DatasetFileRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dataset_files WHERE dataset_id = ? ORDER BY id")) {
                ps.setLong(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DatasetFileRecord(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("file_name"),
                                rs.getString("sha256"), rs.getLong("size_bytes"), Jdbc.getInstant(rs, "imported_at"),
                                rs.getString("imported_by"), rs.getString("mapping"), rs.getLong("rows_read"),
                                rs.getLong("rows_kept"), rs.getString("report_json")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Streams a dataset's incidents in import order, one {@link IncidentChunk} at a time: a dataset of
     * millions never sits whole in the heap. PostgreSQL's driver honours the fetch size only with
     * auto-commit off (otherwise it reads the whole result first), hence the read-only transaction; H2
     * builds a whole result (in memory, then a temporary file) unless the query runs lazily.
     */
    public void forEachIncident(long datasetId, Consumer<IncidentRecord> visitor) {
        forEachChunk(datasetId, data -> IncidentChunk.forEach(data, visitor));
    }

    private void forEachChunk(long datasetId, Consumer<byte[]> visitor) {
        db.inTransaction(c -> {
            boolean h2 = db.engine() == Engine.H2;
            if (h2) {
                lazy(c, true);
            }
            try {
                forEachChunk(c, datasetId, visitor);
            } finally {
                if (h2) {
                    lazy(c, false); // the connection goes back to the pool
                }
            }
            return null;
        });
    }

    private static void forEachChunk(Connection c, long datasetId, Consumer<byte[]> visitor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM incident_chunks WHERE dataset_id = ? ORDER BY first_row")) {
            ps.setLong(1, datasetId);
            ps.setFetchSize(FETCH_CHUNKS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.accept(rs.getBytes(1));
                }
            }
        }
    }

    /** Chunks per round trip when streaming incidents: a few MB of heap, and the per-batch cost vanishes. */
    static final int FETCH_CHUNKS = 4;

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    /** Deletes a dataset, its files and incidents in one transaction; false when there is none. */
    public boolean delete(String name) {
        return db.inTransaction(c -> {
            Optional<DatasetRecord> d = findDataset(c, name);
            if (d.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM incident_chunks WHERE dataset_id = ?")) {
                ps.setLong(1, d.get().id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM datasets WHERE id = ?")) {
                ps.setLong(1, d.get().id());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Runs {@code work} with a writer in one transaction: everything it wrote is committed when it
     * returns, and nothing is when it throws (a cancel included).
     */
    public <T> T write(WriteWork<T> work) {
        return db.inTransaction(c -> {
            try (Writer w = new Writer(c, db.engine())) {
                T result = work.run(w);
                w.flush();
                return result;
            }
        });
    }

    /** Work done through a {@link Writer}. */
    @FunctionalInterface
    public interface WriteWork<T> {
        T run(Writer writer) throws SQLException;
    }

    /** Writes of one import, on the transaction's connection. */
    public static final class Writer implements AutoCloseable {
        private final Connection c;
        private final Engine engine;
        private IncidentChunkWriter chunks;
        private long datasetId = -1;
        private long nextRow;

        private Writer(Connection c, Engine engine) {
            this.c = c;
            this.engine = engine;
        }

        /** The dataset named {@code name}, created when new; a synthetic import marks it synthetic. */
        public DatasetRecord openDataset(String name, boolean synthetic, String actor, Instant now) throws SQLException {
            Optional<DatasetRecord> found = findDataset(c, name);
            if (found.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO datasets (name, name_key, synthetic, created_by, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, name.trim());
                    ps.setString(2, key(name));
                    ps.setBoolean(3, synthetic);
                    ps.setString(4, actor);
                    Jdbc.setInstant(ps, 5, now);
                    Jdbc.setInstant(ps, 6, now);
                    ps.executeUpdate();
                }
                found = findDataset(c, name);
            } else if (synthetic && !found.get().synthetic()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE datasets SET synthetic = TRUE WHERE id = ?")) {
                    ps.setLong(1, found.get().id());
                    ps.executeUpdate();
                }
            }
            DatasetRecord d = found.orElseThrow();
            datasetId = d.id();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(first_row + row_count), 0) FROM incident_chunks WHERE dataset_id = ?")) {
                ps.setLong(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    nextRow = rs.getLong(1);
                }
            }
            return d;
        }

        /** Whether the dataset holds a file of exactly {@code sizeBytes} (only such a file can be the same file). */
        public boolean holdsFileOfSize(long sizeBytes) throws SQLException {
            flush(); // the connection is the bulk path's until then
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dataset_files WHERE dataset_id = ? AND size_bytes = ?")) {
                ps.setLong(1, datasetId);
                ps.setLong(2, sizeBytes);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }

        /** The name of a file of this dataset with that SHA-256, if it holds one. */
        public Optional<String> fileWithSha(String sha256) throws SQLException {
            flush(); // the connection is the bulk path's until then
            try (PreparedStatement ps = c.prepareStatement("SELECT file_name FROM dataset_files WHERE dataset_id = ? AND sha256 = ?")) {
                ps.setLong(1, datasetId);
                ps.setString(2, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        }

        /** The duplicate keys of the incidents the dataset already holds. */
        public void forEachKey(LongConsumer keys) throws SQLException {
            flush(); // the connection is the bulk path's until then
            forEachChunk(c, datasetId, data -> IncidentChunk.forEachKey(data, keys));
        }

        /**
         * Records a file; its SHA-256 and report are filled in by {@link #finishFile}, so the digest can be
         * computed while the rows are read. Until then the file holds a placeholder that no other file has
         * (the dataset's files are unique by digest), seen by no one outside the transaction.
         */
        public long addFile(String fileName, long sizeBytes, Instant at, String actor, String mapping) throws SQLException {
            flush();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_files (dataset_id, file_name, sha256, size_bytes, "
                    + "imported_at, imported_by, mapping, rows_read, rows_kept, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, '{}')",
                    new String[] {"id"})) {
                ps.setLong(1, datasetId);
                ps.setString(2, fileName);
                ps.setString(3, "pending " + java.util.UUID.randomUUID());
                ps.setLong(4, sizeBytes);
                Jdbc.setInstant(ps, 5, at);
                ps.setString(6, actor);
                ps.setString(7, mapping);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        public void finishFile(long fileId, String sha256, String mapping, long rowsRead, long rowsKept, String reportJson)
                throws SQLException {
            flush();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dataset_files SET sha256 = ?, mapping = ?, rows_read = ?, rows_kept = ?, report_json = ? WHERE id = ?")) {
                ps.setString(1, sha256);
                ps.setString(2, mapping);
                ps.setLong(3, rowsRead);
                ps.setLong(4, rowsKept);
                ps.setString(5, reportJson);
                ps.setLong(6, fileId);
                ps.executeUpdate();
            }
        }

        /** Queues one incident after the dataset's others (see {@link IncidentChunkWriter}). */
        public void insert(IncidentRecord r) throws SQLException {
            if (chunks == null) {
                chunks = new IncidentChunkWriter(c, engine, datasetId, nextRow);
            }
            chunks.add(r);
        }

        /** Writes the incidents still queued; every other use of the connection comes after this. */
        void flush() throws SQLException {
            if (chunks != null) {
                chunks.flush();
            }
        }

        /** Sets the dataset's mapping, combined report, size and date range after an import. */
        public void finishDataset(String mapping, String reportJson, long rowCount, LocalDateTime first, LocalDateTime last,
                                  Instant now) throws SQLException {
            flush();
            try (PreparedStatement ps = c.prepareStatement("UPDATE datasets SET mapping = ?, report_json = ?, row_count = ?, "
                    + "first_occurred = ?, last_occurred = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, mapping);
                ps.setString(2, reportJson);
                ps.setLong(3, rowCount);
                ps.setObject(4, first);
                ps.setObject(5, last);
                Jdbc.setInstant(ps, 6, now);
                ps.setLong(7, datasetId);
                ps.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            if (chunks != null) {
                chunks.close(); // before the transaction ends: no statement may still be running on the connection
            }
        }
    }

    // ---- saved column mappings ----

    /** Saves a mapping under its name, replacing one of the same name. */
    public void saveMapping(MappingRecord m) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM column_mappings WHERE name_key = ?")) {
                del.setString(1, key(m.name()));
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO column_mappings (name, name_key, columns, date_pattern, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, m.name().trim());
                ps.setString(2, key(m.name()));
                ps.setString(3, m.columns());
                ps.setString(4, m.datePattern());
                ps.setString(5, m.createdBy());
                Jdbc.setInstant(ps, 6, m.createdAt());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<MappingRecord> findMapping(String name) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM column_mappings WHERE name_key = ?")) {
                ps.setString(1, key(name));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readMapping(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<MappingRecord> mappings() {
        return db.list("SELECT * FROM column_mappings ORDER BY name_key", DatasetStore::readMapping);
    }

    private static MappingRecord readMapping(ResultSet rs) throws SQLException {
        return new MappingRecord(rs.getString("name"), rs.getString("columns"), rs.getString("date_pattern"),
                rs.getString("created_by"), Jdbc.getInstant(rs, "created_at"));
    }

    private static Optional<DatasetRecord> findDataset(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM datasets WHERE name_key = ?")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readDataset(rs)) : Optional.empty();
            }
        }
    }

    private static DatasetRecord readDataset(ResultSet rs) throws SQLException {
        return new DatasetRecord(rs.getLong("id"), rs.getString("name"), rs.getBoolean("synthetic"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"), rs.getString("mapping"),
                rs.getString("report_json"), rs.getLong("row_count"), rs.getObject("first_occurred", LocalDateTime.class),
                rs.getObject("last_occurred", LocalDateTime.class));
    }
}
