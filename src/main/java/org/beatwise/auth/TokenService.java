package org.beatwise.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.ApiTokenRecord;
import org.beatwise.store.ApiTokenStore;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.ReadCache;
import org.beatwise.store.UserAccount;
import org.beatwise.store.UserStore;

/**
 * Bearer tokens of the local HTTP API, one or more per user. A token is 256 random bits; only its
 * SHA-256 is stored. bcrypt is for passwords, which people choose and which are guessable, so each guess
 * must be slow; a 256-bit random token cannot be guessed, so a fast hash loses nothing, and every API
 * request can check its token in microseconds instead of a quarter second. A token acts with its user's
 * role as it is now (a demoted or removed user's tokens lose their rights with them).
 *
 * <p>Anyone may make and revoke their own tokens; only an administrator makes or revokes tokens for
 * someone else, or lists everyone's. Every change is audited; a refusal is audited as refused.
 */
public final class TokenService {

    /** What every token starts with, so a leaked one is recognisable in logs and scanners. */
    public static final String PREFIX = "bw_";
    static final int RANDOM_BYTES = 32;
    static final int MAX_LABEL = 200;
    private static final Pattern SHAPE = Pattern.compile("bw_[A-Za-z0-9_-]{43}");

    private final ApiTokenStore tokens;
    private final UserStore users;
    private final AuditStore audit;
    private final Clock clock;
    // Tokens are secrets, not a modelling choice: they need unpredictable bits, never a seed.
    private final SecureRandom random = new SecureRandom();
    // Tokens found in the database, by hash: every API request presents one, and reading it again each
    // time was a query per request. A revocation here forgets them all at once.
    private final ReadCache<String, Optional<ApiTokenStore.TokenOwner>> verified;

    /**
     * How long a token read from the database is trusted without reading it again: a revocation, a removed
     * user or a changed role made by ANOTHER program (a second station on a shared database) takes effect
     * within this time; one made through this service takes effect at once. Expiry is checked every time.
     */
    public static final Duration CACHE_TTL = Duration.ofSeconds(2);
    static final int CACHE_MAX = 10_000;

    public TokenService(ApiTokenStore tokens, UserStore users, AuditStore audit, Clock clock) {
        this(tokens, users, audit, clock, System::nanoTime);
    }

    /** @param nanos a monotonic time in nanoseconds for the cache's age (tests pass one they move) */
    TokenService(ApiTokenStore tokens, UserStore users, AuditStore audit, Clock clock, LongSupplier nanos) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.verified = new ReadCache<>(CACHE_TTL, CACHE_MAX, nanos);
    }

    /**
     * Makes a token for {@code username}.
     *
     * @param validFor how long it stays valid, or null for no expiry
     * @param label a note on what the token is for (may be null)
     * @throws NotAllowedException when an analyst asks for someone else's token
     * @throws AuthException when there is no such user
     */
    public IssuedToken create(Actor actor, String username, Duration validFor, String label) {
        String name = username == null ? "" : username.strip();
        if (!actor.mayChangeWorkOf(name)) {
            refuse(actor, NotAllowedException.adminOnly("make API tokens for other users"), "token for '" + name + "'");
        }
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException("expires must be a positive duration, was " + validFor);
        }
        String note = label == null || label.isBlank() ? null : label.strip();
        if (note != null && note.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label must be at most " + MAX_LABEL + " characters, was " + note.length());
        }
        UserAccount user = findUser(name).orElseThrow(() -> new AuthException("No user named '" + name + "'."));
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = validFor == null ? null : now.plus(validFor);
        ApiTokenRecord stored = tokens.insert(user.username(), hash(secret), note, now, actor.name(), expires);
        audit.record(actor.name(), AuditEvent.API_TOKEN, "created token " + stored.id() + " for " + user.username()
                + (expires == null ? ", no expiry" : ", expires " + expires) + (note == null ? "" : " (" + note + ")"));
        return new IssuedToken(ApiToken.of(stored, now), secret);
    }

    /** An administrator sees every token; anyone else their own. */
    public List<ApiToken> list(Actor actor) {
        Instant now = clock.instant();
        List<ApiTokenRecord> rows = actor.isAdmin() ? tokens.all() : tokens.ofUser(actor.name());
        return rows.stream().map(r -> ApiToken.of(r, now)).toList();
    }

    /** Every token of the station: administrators only. */
    public List<ApiToken> listAll(Actor actor) {
        if (!actor.isAdmin()) {
            refuse(actor, NotAllowedException.adminOnly("list every API token"), "all tokens");
        }
        return list(actor);
    }

    /**
     * Revokes a token at once: the next request that presents it is refused.
     *
     * @return false when it was already revoked
     * @throws IllegalArgumentException when there is no token with that id
     */
    public boolean revoke(Actor actor, long id) {
        ApiTokenRecord token = tokens.find(id)
                .orElseThrow(() -> new IllegalArgumentException("no API token with id " + id));
        if (!actor.mayChangeWorkOf(token.username())) {
            refuse(actor, NotAllowedException.adminOnly("revoke other users' API tokens"), "revoke token " + id);
        }
        boolean revoked = tokens.revoke(id, clock.instant(), actor.name());
        forgetVerified();
        if (revoked) {
            audit.record(actor.name(), AuditEvent.API_TOKEN, "revoked token " + id + " of " + token.username());
        }
        return revoked;
    }

    /**
     * Checks a presented token. Not audited here: the API audits each call with its outcome.
     *
     * @param secret the token as sent, without the {@code Bearer } prefix
     */
    public TokenCheck check(String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            return TokenCheck.refused(0, "the bearer token is malformed");
        }
        Optional<ApiTokenStore.TokenOwner> found = find(hash(secret));
        if (found.isEmpty()) {
            return TokenCheck.refused(0, "the bearer token is not known here");
        }
        ApiTokenRecord t = found.get().token();
        if (t.revokedAt() != null) {
            return TokenCheck.refused(t.id(), "the bearer token was revoked");
        }
        if (t.expiresAt() != null && !clock.instant().isBefore(t.expiresAt())) {
            return TokenCheck.refused(t.id(), "the bearer token has expired");
        }
        if (found.get().role() == null) {
            return TokenCheck.refused(t.id(), "the bearer token's user no longer exists");
        }
        return new TokenCheck(new Actor(found.get().username(), found.get().role()), t.id(), null);
    }

    /**
     * Forgets every token read from the database, so the next check of each reads it again: after a
     * revocation, and (wired in {@code Services}) after a user is removed or changes role.
     */
    public void forgetVerified() {
        verified.forget();
    }

    /** The token and its owner, from the cache while it is young enough, else from the database. */
    private Optional<ApiTokenStore.TokenOwner> find(String hash) {
        // unknown tokens are never kept: guessing must not fill memory
        return verified.get(hash, tokens::findWithOwner, Optional::isPresent);
    }

    private Optional<UserAccount> findUser(String name) {
        return name.isEmpty() || Usernames.tooLong(name) ? Optional.empty() : users.find(name);
    }

    private void refuse(Actor actor, NotAllowedException refused, String what) {
        audit.record(actor.name(), AuditEvent.REFUSED, refused.getMessage() + " (" + what + ")");
        throw refused;
    }

    /** Hex SHA-256 of the token's UTF-8 bytes. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
