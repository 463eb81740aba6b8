package org.beatwise.auth;

import org.beatwise.domain.Actor;

/**
 * What a presented bearer token turned out to be.
 *
 * @param actor who the token acts for, with the user's current role; null when refused
 * @param tokenId the token's id (for rate limits and the audit log); 0 when unknown
 * @param problem why it was refused, for the caller; null when accepted
 */
public record TokenCheck(Actor actor, long tokenId, String problem) {

    public boolean accepted() {
        return actor != null;
    }

    static TokenCheck refused(long tokenId, String problem) {
        return new TokenCheck(null, tokenId, problem);
    }
}
