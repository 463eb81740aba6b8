package org.beatwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.beatwise.domain.Role;

/** The users table. Usernames are unique ignoring case; lookups go through the lower-case key. */
public final class UserStore {

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public long count() {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<UserAccount> find(String username) {
        return db.query(c -> find(c, username));
    }

    private static Optional<UserAccount> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE username_key = ?")) {
            ps.setString(1, key(username));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<UserAccount> all() {
        return db.list("SELECT * FROM users ORDER BY username_key", UserStore::read);
    }

    /**
     * Inserts a user whose role is decided from the number of users in the same transaction.
     * Synchronised: H2 lets only this process open the file, so this is enough to stop two first
     * registrations racing to both become administrator.
     *
     * @param roleIfFirst role when the table is empty
     * @param roleOtherwise role when users already exist
     * @return the stored account, or empty when the username is taken
     */
    public synchronized Optional<UserAccount> insert(String username, String hash, Role roleIfFirst, Role roleOtherwise, Instant now) {
        return db.inTransaction(c -> {
            if (find(c, username).isPresent()) {
                return Optional.empty();
            }
            long existing;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                existing = rs.getLong(1);
            }
            Role role = existing == 0 ? roleIfFirst : roleOtherwise;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, username.strip());
                ps.setString(2, key(username));
                ps.setString(3, hash);
                ps.setString(4, role.name());
                Jdbc.setInstant(ps, 5, now);
                ps.executeUpdate();
            }
            return find(c, username);
        });
    }

    public void recordSuccess(String username, Instant now) {
        update("UPDATE users SET last_sign_in = ?, failed_attempts = 0, locked_until = NULL WHERE username_key = ?",
                now, username);
    }

    /** Counts one failed attempt; returns the new count. */
    public int recordFailure(String username) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE username_key = ?")) {
                ps.setString(1, key(username));
                ps.executeUpdate();
            }
            return find(c, username).map(UserAccount::failedAttempts).orElse(0);
        });
    }

    public void lockUntil(String username, Instant until) {
        update("UPDATE users SET locked_until = ? WHERE username_key = ?", until, username);
    }

    /** Clears the lock and the failed-attempt count; false when no such user. */
    public boolean unlock(String username) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE username_key = ?")) {
                ps.setString(1, key(username));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Replaces the stored hash (after a sign-in at a higher station cost); false when no such user. */
    public boolean updatePasswordHash(String username, String hash) {
        return updateText("UPDATE users SET password_hash = ? WHERE username_key = ?", hash, username);
    }

    /** False when no such user. */
    public boolean setRole(String username, Role role) {
        return updateText("UPDATE users SET role = ? WHERE username_key = ?", role.name(), username);
    }

    private boolean updateText(String sql, String value, String username) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setString(2, key(username));
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean delete(String username) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE username_key = ?")) {
                ps.setString(1, key(username));
                return ps.executeUpdate() == 1;
            }
        });
    }

    public long countByRole(Role role) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE role = ?")) {
                ps.setString(1, role.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private void update(String sql, Instant instant, String username) {
        db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setInstant(ps, 1, instant);
                ps.setString(2, key(username));
                return ps.executeUpdate();
            }
        });
    }

    private static UserAccount read(ResultSet rs) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "last_sign_in"),
                rs.getInt("failed_attempts"),
                Jdbc.getInstant(rs, "locked_until"));
    }
}
