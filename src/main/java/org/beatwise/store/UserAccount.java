package org.beatwise.store;

import java.time.Instant;
import org.beatwise.domain.Role;

/** A row of the users table. The hash never leaves the auth service; {@link #toString()} hides it. */
public record UserAccount(
        long id,
        String username,
        String passwordHash,
        Role role,
        Instant createdAt,
        Instant lastSignIn,
        int failedAttempts,
        Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + "]";
    }
}
