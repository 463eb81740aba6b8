package org.beatwise.store;

import java.time.Instant;

/**
 * One row of the API token table. The hash is the SHA-256 of the token; the token itself is never stored.
 *
 * @param expiresAt null for a token that does not expire
 * @param revokedAt null while the token has not been revoked
 */
public record ApiTokenRecord(long id, String username, String tokenHash, String label, Instant createdAt,
                             String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy) {

    @Override
    public String toString() {
        return "ApiTokenRecord[" + id + ", " + username + "]";
    }
}
