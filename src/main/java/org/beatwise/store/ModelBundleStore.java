package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Model bundle files kept in a shared database, whole, by model name. */
public final class ModelBundleStore {

    /** A stored bundle without its bytes. */
    public record Row(String name, String sha256, long sizeBytes, Instant savedAt) { }

    private final Database db;

    public ModelBundleStore(Database db) {
        this.db = db;
    }

    public List<Row> list() {
        return db.list("SELECT name, sha256, size_bytes, saved_at FROM model_bundles ORDER BY name",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), Jdbc.getInstant(rs, "saved_at")));
    }

    /** Stores the bundle under {@code name}, replacing one of that name, in one transaction. */
    public void put(String name, byte[] bundle, String sha256, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM model_bundles WHERE name = ?")) {
                del.setString(1, name);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO model_bundles (name, sha256, size_bytes, saved_at, bundle) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, sha256);
                ps.setLong(3, bundle.length);
                Jdbc.setInstant(ps, 4, at);
                ps.setBytes(5, bundle);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<byte[]> read(String name) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT bundle FROM model_bundles WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    public boolean delete(String name) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_bundles WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
