package org.beatwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends to and reads the audit log. Every entry is chained to the one before it by a hash
 * ({@link AuditChain}), so {@link #verify()} finds an entry changed or deleted behind Beatwise's back.
 */
public final class AuditStore {

    private static final int MAX_DETAIL = 4000;
    // H2 locks the database file to one process, so a lock in this JVM is enough to make reading the
    // chain's tail and writing the entry after it one step, whichever AuditStore a thread holds.
    private static final Object TAIL_LOCK = new Object();

    private final Database db;
    private final Clock clock;

    public AuditStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String username, AuditEvent event, String detail) {
        String d = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        // The column keeps microseconds: hash exactly what is stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        synchronized (TAIL_LOCK) {
            db.inTransaction(c -> append(c, at, username, event.name(), d));
        }
    }

    private static Void append(Connection c, Instant at, String username, String event, String detail) throws SQLException {
        Long prevId;
        String prevHash;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tail_id, tail_hash FROM audit_chain WHERE id = 1 FOR UPDATE")) {
            if (!rs.next()) {
                throw new SQLException("the audit_chain row is missing: the audit log cannot be chained");
            }
            long t = rs.getLong(1);
            prevId = rs.wasNull() ? null : t;
            String h = rs.getString(2);
            prevHash = h == null ? AuditChain.START : h;
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, username, event, detail, prev_id, prev_hash) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, username);
            ps.setString(3, event);
            ps.setString(4, detail);
            ps.setObject(5, prevId);
            ps.setString(6, prevHash);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        String hash = AuditChain.hash(prevHash, id, prevId, at, username, event, detail);
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET entry_hash = ? WHERE id = ?")) {
            ps.setString(1, hash);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain SET tail_id = ?, tail_hash = ? WHERE id = 1")) {
            ps.setLong(1, id);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return null;
    }

    /** The newest {@code limit} entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return db.list("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", rs -> new AuditEntry(rs.getLong("id"),
                Jdbc.getInstant(rs, "at"), rs.getString("username"), AuditEvent.valueOf(rs.getString("event")),
                rs.getString("detail")), limit);
    }

    /** Recomputes the whole chain and reports the first entry that is changed, unlinked or missing. */
    public AuditVerification verify() {
        return db.query(AuditChainCheck::run);
    }
}
