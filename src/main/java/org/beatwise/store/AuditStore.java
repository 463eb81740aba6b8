package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
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
        return db.query(c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(rs.getLong("id"), Jdbc.getInstant(rs, "at"),
                                rs.getString("username"), AuditEvent.valueOf(rs.getString("event")),
                                rs.getString("detail")));
                    }
                }
            }
            return entries;
        });
    }
}
