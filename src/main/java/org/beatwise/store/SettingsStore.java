package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Station settings as flat namespaced keys ({@code auth.lockout_minutes}); settings records read them. */
public final class SettingsStore {

    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** All settings whose key starts with {@code prefix}. */
    public Map<String, String> withPrefix(String prefix) {
        return db.query(c -> {
            Map<String, String> values = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT setting_key, setting_value FROM settings WHERE setting_key LIKE ? ORDER BY setting_key")) {
                ps.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return values;
        });
    }

    public void putAll(Map<String, String> values) {
        db.inTransaction(c -> {
            // update, else insert: the upsert both engines accept (H2's MERGE ... KEY and PostgreSQL's
            // ON CONFLICT are each the other's syntax error)
            try (PreparedStatement update = c.prepareStatement("UPDATE settings SET setting_value = ? WHERE setting_key = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    update.setString(1, e.getValue());
                    update.setString(2, e.getKey());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, e.getKey());
                        insert.setString(2, e.getValue());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    public void put(String key, String value) {
        putAll(Map.of(key, value));
    }
}
