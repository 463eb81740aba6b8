package org.beatwise.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Who asks a service to change something, and in which role. The services decide from this, not the
 * screens, so a hidden button is never the only thing between an analyst and a station-wide change.
 *
 * @param name the name written to the audit log and stored as the creator of new work
 * @param role what the actor may do
 */
public record Actor(String name, Role role) {

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this actor may delete or replace work whose creator is {@code creator}: its creator or an administrator. */
    public boolean mayChangeWorkOf(String creator) {
        return isAdmin() || (creator != null && creator.strip().toLowerCase(Locale.ROOT)
                .equals(name.strip().toLowerCase(Locale.ROOT)));
    }
}
