package org.beatwise.auth;

import java.time.Instant;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;

/** What a sign-in attempt led to. */
public sealed interface SignInResult {

    /** The message shown for a wrong password and for an unknown user alike. */
    String WRONG_CREDENTIALS = "Wrong username or password.";

    /** Refused before any look-up: no account can have a longer name. */
    String NAME_TOO_LONG = "A username has at most 64 characters; check what was typed in the name box.";

    record Success(Session session) implements SignInResult { }

    record Failed(String message) implements SignInResult { }

    record Locked(Instant until, String message) implements SignInResult { }

    /** Who is signed in; nothing secret. */
    record Session(String username, Role role, Instant signedInAt) {
        public boolean isAdmin() {
            return role == Role.ADMIN;
        }

        /** Who the services see acting for this session. */
        public Actor actor() {
            return new Actor(username, role);
        }
    }
}
