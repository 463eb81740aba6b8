package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The area_layers table: named boundary layers for the map. Names are unique regardless of case. */
public final class AreaStore {

    private final Database db;

    public AreaStore(Database db) {
        this.db = db;
    }

    /** Saves a layer; a name already taken is refused with IllegalArgumentException. */
    public void insert(AreaLayerRecord r) {
        db.inTransaction(c -> {
            if (find(c, r.name(), false).isPresent()) {
                throw new IllegalArgumentException("an area layer named '" + r.name() + "' already exists; choose another name");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO area_layers (name, name_key, name_property, file_name, "
                    + "sha256, area_count, created_by, created_at, geojson) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.name().trim());
                ps.setString(2, DatasetStore.key(r.name()));
                ps.setString(3, r.nameProperty());
                ps.setString(4, r.fileName());
                ps.setString(5, r.sha256());
                ps.setInt(6, r.areaCount());
                ps.setString(7, r.createdBy());
                Jdbc.setInstant(ps, 8, r.createdAt());
                ps.setString(9, r.geojson());
                return ps.executeUpdate();
            }
        });
    }

    /** All layers without their geometry, by name. */
    public List<AreaLayerRecord> list() {
        return db.list("SELECT id, name, name_property, file_name, sha256, area_count, created_by, created_at "
                + "FROM area_layers ORDER BY name_key", rs -> read(rs, false));
    }

    /** One layer with its geometry. */
    public Optional<AreaLayerRecord> find(String name) {
        return db.query(c -> find(c, name, true));
    }

    public boolean delete(String name) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM area_layers WHERE name_key = ?")) {
                ps.setString(1, DatasetStore.key(name));
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Optional<AreaLayerRecord> find(java.sql.Connection c, String name, boolean geometry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM area_layers WHERE name_key = ?")) {
            ps.setString(1, DatasetStore.key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, geometry)) : Optional.empty();
            }
        }
    }

    private static AreaLayerRecord read(ResultSet rs, boolean geometry) throws SQLException {
        return new AreaLayerRecord(rs.getLong("id"), rs.getString("name"), rs.getString("name_property"),
                rs.getString("file_name"), rs.getString("sha256"), rs.getInt("area_count"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "created_at"), geometry ? rs.getString("geojson") : null);
    }
}
