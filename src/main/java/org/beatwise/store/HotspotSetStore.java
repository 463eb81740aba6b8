package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The hotspot_sets table. Names are unique regardless of case. */
public final class HotspotSetStore {

    private final Database db;

    public HotspotSetStore(Database db) {
        this.db = db;
    }

    /** Inserts a new set; a name already taken (in any case) is refused with IllegalArgumentException. */
    public HotspotSetRecord insert(HotspotSetRecord r) {
        return db.inTransaction(c -> {
            if (exists(c, r.name())) {
                throw new IllegalArgumentException("a hotspot set named '" + r.name() + "' already exists; choose another name or delete it first");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hotspot_sets (name, name_key, dataset, created_at, "
                    + "created_by, k, seed, rows_used, data_sha256, sse, settings, result_json) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, r.name());
                ps.setString(2, key(r.name()));
                ps.setString(3, r.dataset());
                Jdbc.setInstant(ps, 4, r.createdAt());
                ps.setString(5, r.createdBy());
                ps.setInt(6, r.k());
                ps.setInt(7, r.seed());
                ps.setInt(8, r.rowsUsed());
                ps.setString(9, r.dataSha256());
                ps.setDouble(10, r.sse());
                ps.setString(11, r.settings());
                ps.setString(12, r.resultJson());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new HotspotSetRecord(keys.getLong(1), r.name(), r.dataset(), r.createdAt(), r.createdBy(), r.k(),
                            r.seed(), r.rowsUsed(), r.dataSha256(), r.sse(), r.settings(), r.resultJson());
                }
            }
        });
    }

    public Optional<HotspotSetRecord> find(String name) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM hotspot_sets WHERE name_key = ?")) {
                ps.setString(1, key(name));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
                }
            }
        });
    }

    /** All sets, newest first, without their (large) result JSON. */
    public List<HotspotSetRecord> list() {
        return db.list("SELECT id, name, dataset, created_at, created_by, k, seed, rows_used, data_sha256, sse, settings "
                + "FROM hotspot_sets ORDER BY id DESC", rs -> read(rs, false));
    }

    /** @return true when a set was deleted */
    public boolean delete(String name) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM hotspot_sets WHERE name_key = ?")) {
                ps.setString(1, key(name));
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static boolean exists(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM hotspot_sets WHERE name_key = ?")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static HotspotSetRecord read(ResultSet rs, boolean withResult) throws SQLException {
        return new HotspotSetRecord(rs.getLong("id"), rs.getString("name"), rs.getString("dataset"),
                Jdbc.getInstant(rs, "created_at"), rs.getString("created_by"), rs.getInt("k"), rs.getInt("seed"),
                rs.getInt("rows_used"), rs.getString("data_sha256"), rs.getDouble("sse"), rs.getString("settings"),
                withResult ? rs.getString("result_json") : null);
    }
}
