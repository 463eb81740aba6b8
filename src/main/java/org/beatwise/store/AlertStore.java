package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The alerts table. */
public final class AlertStore {

    private final Database db;

    public AlertStore(Database db) {
        this.db = db;
    }

    public AlertRecord insert(AlertRecord a) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO alerts (at, username, rule, lat, lon, detail, model_name, hotspot_set) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                Jdbc.setInstant(ps, 1, a.at());
                ps.setString(2, a.username());
                ps.setString(3, a.rule());
                ps.setDouble(4, a.lat());
                ps.setDouble(5, a.lon());
                ps.setString(6, a.detail());
                ps.setString(7, a.modelName());
                ps.setString(8, a.hotspotSet());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new AlertRecord(keys.getLong(1), a.at(), a.username(), a.rule(), a.lat(), a.lon(), a.detail(),
                            a.modelName(), a.hotspotSet());
                }
            }
        });
    }

    /**
     * The newest alerts matching the filters, newest first.
     *
     * @param rule null for any rule
     * @param username null for any user
     * @param since null for no lower time bound
     */
    public List<AlertRecord> find(String rule, String username, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM alerts WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (rule != null) {
            sql.append(" AND rule = ?");
            args.add(rule);
        }
        if (username != null) {
            sql.append(" AND LOWER(username) = LOWER(?)");
            args.add(username);
        }
        if (since != null) {
            sql.append(" AND at >= ?");
            args.add(since.atOffset(java.time.ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return db.list(sql.toString(), AlertStore::read, args.toArray());
    }

    private static AlertRecord read(ResultSet rs) throws SQLException {
        return new AlertRecord(rs.getLong("id"), Jdbc.getInstant(rs, "at"), rs.getString("username"),
                rs.getString("rule"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("detail"),
                rs.getString("model_name"), rs.getString("hotspot_set"));
    }
}
