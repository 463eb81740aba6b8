package org.beatwise.store;

import java.time.Instant;

/** One line of the audit log. Details never hold a password, a hash or any other secret. */
public record AuditEntry(long id, Instant at, String username, AuditEvent event, String detail) { }
