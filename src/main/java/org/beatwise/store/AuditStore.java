package org.beatwise.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;

/** Appends to and reads the audit log. */
public final class AuditStore {

    private static final int MAX_DETAIL = 4000;

    private final Database db;
    private final Clock clock;

    public AuditStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String username, AuditEvent event, String detail) {
        String d = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (at, username, event, detail) VALUES (?, ?, ?, ?)")) {
                Jdbc.setInstant(ps, 1, clock.instant());
                ps.setString(2, username);
                ps.setString(3, event.name());
                ps.setString(4, d);
                return ps.executeUpdate();
            }
        });
    }

    /** The newest {@code limit} entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return db.list("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", rs -> new AuditEntry(rs.getLong("id"),
                Jdbc.getInstant(rs, "at"), rs.getString("username"), AuditEvent.valueOf(rs.getString("event")),
                rs.getString("detail")), limit);
    }
}
