package org.beatwise.store;

import java.time.Instant;

/**
 * The outcome of recomputing the audit log's hash chain.
 *
 * @param intact       true when every chained entry and every link checked out
 * @param entries      entries read: all of them when intact, up to the broken one otherwise
 * @param beforeChain  entries written before the chain began (before the upgrade that added it); they
 *                     carry no hash and are not covered
 * @param brokenId     the first entry found changed, unlinked or missing; null when intact
 * @param brokenAt     that entry's time, null when intact or when the entry itself is gone
 * @param problem      what is wrong there, in one sentence; null when intact
 * @param lastId       the newest chained entry when intact, else null
 * @param lastHash     that entry's hash, which covers every chained entry before it
 */
public record AuditVerification(boolean intact, long entries, long beforeChain, Long brokenId, Instant brokenAt,
                                String problem, Long lastId, String lastHash) { }
