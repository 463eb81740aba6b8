package org.beatwise.auth;

import java.time.Instant;
import org.beatwise.store.Role;

/** What a sign-in attempt led to. */
public sealed interface SignInResult {

    /** The message shown for a wrong password and for an unknown user alike. */
    String WRONG_CREDENTIALS = "Wrong username or password.";

    record Success(Session session) implements SignInResult { }

    record Failed(String message) implements SignInResult { }

    record Locked(Instant until, String message) implements SignInResult { }

    /** Who is signed in; nothing secret. */
    record Session(String username, Role role, Instant signedInAt) {
        public boolean isAdmin() {
            return role == Role.ADMIN;
        }
    }
}
