package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.beatwise.domain.Role;

/** The api_tokens table: hashed bearer tokens of the local HTTP API. */
public final class ApiTokenStore {

    private final Database db;

    public ApiTokenStore(Database db) {
        this.db = db;
    }

    /** Stores a new token row and returns it with its id. */
    public ApiTokenRecord insert(String username, String tokenHash, String label, Instant createdAt, String createdBy,
                                 Instant expiresAt) {
        long id = db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (username, token_hash, label, created_at, "
                    + "created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, username);
                ps.setString(2, tokenHash);
                ps.setString(3, label);
                Jdbc.setInstant(ps, 4, createdAt);
                ps.setString(5, createdBy);
                Jdbc.setInstant(ps, 6, expiresAt);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return find(id).orElseThrow();
    }

    /**
     * The token with this hash and, in the same query (each API request asks), its user's current name and
     * role; the user part is empty when the user no longer exists.
     */
    public Optional<TokenOwner> findWithOwner(String tokenHash) {
        return db.list("SELECT t.*, u.username AS owner_name, u.role AS owner_role FROM api_tokens t "
                + "LEFT JOIN users u ON u.username_key = LOWER(t.username) WHERE t.token_hash = ?", rs -> {
                    String role = rs.getString("owner_role");
                    return new TokenOwner(read(rs), rs.getString("owner_name"), role == null ? null : Role.valueOf(role));
                }, tokenHash).stream().findFirst();
    }

    /**
     * A token with its user as the users table has them now.
     *
     * @param username null when the user was removed
     * @param role null when the user was removed
     */
    public record TokenOwner(ApiTokenRecord token, String username, Role role) { }

    public Optional<ApiTokenRecord> find(long id) {
        return db.list("SELECT * FROM api_tokens WHERE id = ?", ApiTokenStore::read, id).stream().findFirst();
    }

    /** Every token, oldest first. */
    public List<ApiTokenRecord> all() {
        return db.list("SELECT * FROM api_tokens ORDER BY id", ApiTokenStore::read);
    }

    /** The tokens of one user (any case), oldest first. */
    public List<ApiTokenRecord> ofUser(String username) {
        return db.list("SELECT * FROM api_tokens WHERE LOWER(username) = ? ORDER BY id", ApiTokenStore::read,
                username.strip().toLowerCase(Locale.ROOT));
    }

    /** Marks a token revoked; false when there is no such token or it was already revoked. */
    public boolean revoke(long id, Instant at, String by) {
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static ApiTokenRecord read(ResultSet rs) throws SQLException {
        return new ApiTokenRecord(rs.getLong("id"), rs.getString("username"), rs.getString("token_hash"),
                rs.getString("label"), Jdbc.getInstant(rs, "created_at"), rs.getString("created_by"),
                Jdbc.getInstant(rs, "expires_at"), Jdbc.getInstant(rs, "revoked_at"), rs.getString("revoked_by"));
    }
}
