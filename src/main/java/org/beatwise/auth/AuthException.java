package org.beatwise.auth;

/** A sign-in, registration or user-management request was refused; the message is for the user. */
public final class AuthException extends RuntimeException {
    public AuthException(String message) {
        super(message);
    }
}
