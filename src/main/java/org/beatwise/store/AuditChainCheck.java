package org.beatwise.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;

/** Walks the audit log in id order, recomputing each entry's hash and checking its link to the one before. */
final class AuditChainCheck {

    private long entries;
    private long beforeChain;
    private Long lastId;
    private String lastHash = AuditChain.START;

    private AuditChainCheck() { }

    static AuditVerification run(Connection c) throws SQLException {
        long legacyUntil;
        Long tailId;
        String tailHash;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT legacy_until, tail_id, tail_hash FROM audit_chain WHERE id = 1")) {
            if (!rs.next()) {
                return broken(0, 0, null, null, "the audit_chain row is missing, so the chain cannot be checked");
            }
            legacyUntil = rs.getLong(1);
            long t = rs.getLong(2);
            tailId = rs.wasNull() ? null : t;
            tailHash = rs.getString(3);
        }
        return new AuditChainCheck().walk(c, legacyUntil, tailId, tailHash);
    }

    private AuditVerification walk(Connection c, long legacyUntil, Long tailId, String tailHash) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, at, username, event, detail, prev_id, prev_hash, entry_hash "
                     + "FROM audit_log ORDER BY id")) {
            while (rs.next()) {
                entries++;
                long id = rs.getLong("id");
                if (id <= legacyUntil) {
                    beforeChain++;
                    continue;
                }
                Instant at = Jdbc.getInstant(rs, "at");
                long p = rs.getLong("prev_id");
                Long prevId = rs.wasNull() ? null : p;
                String prevHash = rs.getString("prev_hash");
                String stored = rs.getString("entry_hash");
                if (stored == null || prevHash == null) {
                    return brokenHere(id, at, "entry " + id + " carries no chain hash: it was added outside Beatwise "
                            + "or its hash was removed");
                }
                String recomputed = AuditChain.hash(prevHash, id, prevId, at, rs.getString("username"),
                        rs.getString("event"), rs.getString("detail"));
                if (!recomputed.equals(stored)) {
                    return brokenHere(id, at, "entry " + id + " was changed after it was written");
                }
                if (!Objects.equals(prevId, lastId)) {
                    return brokenHere(id, at, gap(id, prevId));
                }
                if (!prevHash.equals(lastHash)) {
                    return brokenHere(id, at, "entry " + id + " is not linked to entry " + lastId
                            + " before it: one of them was rewritten");
                }
                lastId = id;
                lastHash = stored;
            }
        }
        if (!Objects.equals(tailId, lastId)) {
            if (tailId != null && (lastId == null || tailId > lastId)) {
                return broken(entries, beforeChain, tailId, null, "entry " + tailId + ", the last one written, is missing: "
                        + "the log now ends at " + (lastId == null ? "no chained entry" : "entry " + lastId)
                        + " (entries were deleted from its end)");
            }
            return broken(entries, beforeChain, lastId, null, "entry " + lastId + " is not the chain's recorded last "
                    + "entry (" + tailId + "): it was added outside Beatwise");
        }
        if (tailId != null && !Objects.equals(tailHash, lastHash)) {
            return broken(entries, beforeChain, lastId, null, "the chain's recorded last hash does not match entry "
                    + lastId + ": the log was rewritten");
        }
        return new AuditVerification(true, entries, beforeChain, null, null, null, lastId, lastId == null ? null : lastHash);
    }

    private String gap(long id, Long prevId) {
        if (prevId != null && (lastId == null || prevId > lastId)) {
            return "entries are missing before entry " + id + ": it was chained to entry " + prevId + ", which is gone"
                    + (lastId == null ? "" : " (the last intact entry before it is " + lastId + ")");
        }
        return "entry " + id + " is chained to " + (prevId == null ? "nothing" : "entry " + prevId) + " but follows "
                + (lastId == null ? "no chained entry" : "entry " + lastId) + ": entries were added or reordered";
    }

    private AuditVerification brokenHere(long id, Instant at, String problem) {
        return broken(entries, beforeChain, id, at, problem);
    }

    private static AuditVerification broken(long entries, long beforeChain, Long id, Instant at, String problem) {
        return new AuditVerification(false, entries, beforeChain, id, at, problem, null, null);
    }
}
