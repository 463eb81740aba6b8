package org.beatwise.auth;

/**
 * A token just made: the secret is here once, to be shown to whoever asked, and is never stored.
 *
 * @param secret the bearer token to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + ", " + token.username() + "]";
    }
}
