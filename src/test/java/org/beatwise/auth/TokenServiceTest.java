package org.beatwise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.domain.Role;
import org.beatwise.store.ApiTokenStore;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.UserStore;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API tokens on a real H2 file: what is stored, who may do what, and when a token stops working. */
class TokenServiceTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    Services services;
    TokenService tokens;
    Actor admin = Actors.admin("alice");
    Actor analyst = Actors.analyst("bob");

    @BeforeEach
    void station() {
        services = TestHomes.fast(home, clock);
        services.auth().addUser(admin, "alice", PASSWORD, Role.ADMIN);
        services.auth().addUser(admin, "bob", PASSWORD, Role.ANALYST);
        services.auth().addUser(admin, "carol", PASSWORD, Role.ANALYST);
        tokens = services.tokens();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void onlyTheSha256OfATokenIsStoredAndTheTokenActsWithItsUsersRole() throws Exception {
        IssuedToken t = tokens.create(admin, "bob", Duration.ofDays(30), "dashboard");
        assertTrue(t.secret().startsWith(TokenService.PREFIX) && t.secret().length() == 46, t.secret());
        List<String> stored = services.audit().latest(1).stream().map(e -> e.detail()).toList();
        assertFalse(stored.get(0).contains(t.secret()), "the audit log never holds the token");
        try (var c = java.sql.DriverManager.getConnection(Database.urlFor(home), "sa", "");
             var rs = c.createStatement().executeQuery("SELECT token_hash FROM api_tokens")) {
            assertTrue(rs.next());
            String hash = rs.getString(1);
            assertNotEquals(t.secret(), hash);
            assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(t.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8))), hash);
        }
        TokenCheck check = tokens.check(t.secret());
        assertEquals(new Actor("bob", Role.ANALYST), check.actor());
        services.auth().changeRole(admin, "bob", Role.ADMIN);
        assertEquals(Role.ADMIN, tokens.check(t.secret()).actor().role(), "the user's role now, not when it was made");
        assertFalse(tokens.check(t.secret().substring(0, 45) + (t.secret().endsWith("A") ? "B" : "A")).accepted());
    }

    @Test
    void anAnalystMakesAndRevokesOnlyTheirOwnTokensAndListsOnlyThem() {
        IssuedToken own = tokens.create(analyst, "bob", null, null);
        assertThrows(NotAllowedException.class, () -> tokens.create(analyst, "carol", null, null));
        assertEquals(AuditEvent.REFUSED, services.audit().latest(1).get(0).event());
        IssuedToken carols = tokens.create(admin, "carol", null, null);
        assertThrows(NotAllowedException.class, () -> tokens.revoke(analyst, carols.token().id()));
        assertThrows(NotAllowedException.class, () -> tokens.listAll(analyst));
        assertEquals(List.of(own.token().id()), tokens.list(analyst).stream().map(ApiToken::id).toList());
        assertEquals(2, tokens.listAll(admin).size());
        assertTrue(tokens.revoke(analyst, own.token().id()));
        assertFalse(tokens.revoke(admin, own.token().id()), "already revoked");
        assertTrue(tokens.check(carols.secret()).accepted());
        assertThrows(AuthException.class, () -> tokens.create(admin, "nobody", null, null));
        assertThrows(IllegalArgumentException.class, () -> tokens.revoke(admin, 999));
    }

    @Test
    void aTokenStopsWorkingWhenRevokedExpiredOrItsUserIsRemoved() {
        IssuedToken revoked = tokens.create(admin, "bob", null, null);
        IssuedToken expiring = tokens.create(admin, "bob", Duration.ofHours(1), null);
        IssuedToken carols = tokens.create(admin, "carol", null, null);
        tokens.revoke(admin, revoked.token().id());
        assertTrue(tokens.check(revoked.secret()).problem().contains("revoked"));
        assertTrue(tokens.check(expiring.secret()).accepted());
        clock.advance(Duration.ofHours(1));
        assertTrue(tokens.check(expiring.secret()).problem().contains("expired"));
        assertEquals("expired", tokens.list(admin).stream().filter(t -> t.id() == expiring.token().id()).findFirst()
                .orElseThrow().status());
        services.auth().remove(admin, "carol");
        assertFalse(tokens.check(carols.secret()).accepted());
        assertThrows(IllegalArgumentException.class, () -> tokens.create(admin, "bob", Duration.ZERO, null));
    }

    @Test
    void aCheckedTokenIsReadAgainAfterTheCacheTimeSoAnotherProgramsRevocationTakesEffect() {
        IssuedToken t = tokens.create(admin, "bob", Duration.ofDays(1), null);
        long[] nanos = {0};
        // a second program's view of the same database, and this one's cached view of it
        try (Database db = Database.open(home)) {
            TokenService here = new TokenService(new ApiTokenStore(db), new UserStore(db), new AuditStore(db, clock), clock,
                    () -> nanos[0]);
            assertTrue(here.check(t.secret()).accepted());
            assertTrue(tokens.revoke(admin, t.token().id()), "revoked by the other program");
            nanos[0] += TokenService.CACHE_TTL.toNanos() - 1;
            assertTrue(here.check(t.secret()).accepted(), "still trusted from the cache within its time");
            nanos[0] += 1;
            assertTrue(here.check(t.secret()).problem().contains("revoked"), "read again once the time is up");
            // a revocation made through the same service needs no waiting
            IssuedToken u = here.create(admin, "bob", Duration.ofDays(1), null);
            assertTrue(here.check(u.secret()).accepted());
            assertTrue(here.revoke(admin, u.token().id()));
            assertTrue(here.check(u.secret()).problem().contains("revoked"));
            // expiry is the clock's, checked on every use even from the cache
            IssuedToken v = here.create(admin, "bob", Duration.ofMinutes(1), null);
            assertTrue(here.check(v.secret()).accepted());
            clock.advance(Duration.ofMinutes(1));
            assertTrue(here.check(v.secret()).problem().contains("expired"));
        }
    }
}
