package org.beatwise.auth;

import java.time.Instant;
import org.beatwise.store.ApiTokenRecord;

/**
 * An API token as listings show it: never the token nor its hash.
 *
 * @param expiresAt null when it does not expire
 * @param revokedAt null while not revoked
 * @param status {@code active}, {@code expired} or {@code revoked} at the time it was read
 */
public record ApiToken(long id, String username, String label, Instant createdAt, String createdBy, Instant expiresAt,
                       Instant revokedAt, String revokedBy, String status) {

    static ApiToken of(ApiTokenRecord r, Instant now) {
        String status = r.revokedAt() != null ? "revoked"
                : r.expiresAt() != null && !now.isBefore(r.expiresAt()) ? "expired" : "active";
        return new ApiToken(r.id(), r.username(), r.label(), r.createdAt(), r.createdBy(), r.expiresAt(), r.revokedAt(),
                r.revokedBy(), status);
    }
}
