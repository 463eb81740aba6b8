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
        recordAll(List.of(entry(username, event, detail)));
    }

    /**
     * An entry to append, stamped now (to the microsecond the column keeps, so the hash covers exactly
     * what is stored); {@link #recordAll} writes it, possibly later and with others.
     */
    public Pending entry(String username, AuditEvent event, String detail) {
        String d = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        return new Pending(clock.instant().truncatedTo(ChronoUnit.MICROS), username, event, d);
    }

    /** An audit entry not yet written: when it happened, who, what. */
    public record Pending(Instant at, String username, AuditEvent event, String detail) { }

    /**
     * Appends entries in their order, chained, in ONE transaction: the tail is read and locked once and
     * moved once, so a batch of N costs one commit instead of N (see {@link AuditWriter}). All are
     * written or none.
     */
    public void recordAll(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        synchronized (TAIL_LOCK) {
            db.inTransaction(c -> append(c, entries));
        }
    }

    private static Void append(Connection c, List<Pending> entries) throws SQLException {
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
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_log (at, username, event, detail, prev_id, prev_hash) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement link = c.prepareStatement("UPDATE audit_log SET entry_hash = ? WHERE id = ?")) {
            for (Pending e : entries) {
                Jdbc.setInstant(insert, 1, e.at());
                insert.setString(2, e.username());
                insert.setString(3, e.event().name());
                insert.setString(4, e.detail());
                insert.setObject(5, prevId);
                insert.setString(6, prevHash);
                insert.executeUpdate();
                long id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                String hash = AuditChain.hash(prevHash, id, prevId, e.at(), e.username(), e.event().name(), e.detail());
                link.setString(1, hash);
                link.setLong(2, id);
                link.executeUpdate();
                prevId = id;
                prevHash = hash;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain SET tail_id = ?, tail_hash = ? WHERE id = 1")) {
            ps.setLong(1, prevId);
            ps.setString(2, prevHash);
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
