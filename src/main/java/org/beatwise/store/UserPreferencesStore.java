package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Each user's own UI preferences as flat keys ({@code ui.theme}); {@code settings.UserPreferences}
 * reads them. Names are kept in lower case, as sign-in matches them ignoring case.
 */
public final class UserPreferencesStore {

    private final Database db;

    public UserPreferencesStore(Database db) {
        this.db = db;
    }

    public Map<String, String> read(String username) {
        return db.query(c -> {
            Map<String, String> values = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pref_key, pref_value FROM user_preferences WHERE username = ? ORDER BY pref_key")) {
                ps.setString(1, key(username));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return values;
        });
    }

    /** Replaces all of the user's preferences in one transaction (no MERGE: PostgreSQL lacks H2's form of it). */
    public void replace(String username, Map<String, String> values) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_preferences WHERE username = ?")) {
                delete.setString(1, key(username));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO user_preferences (username, pref_key, pref_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    insert.setString(1, key(username));
                    insert.setString(2, e.getKey());
                    insert.setString(3, e.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
