package org.beatwise.auth;

import static org.beatwise.testing.Actors.admin;
import static org.beatwise.testing.Actors.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.domain.Role;
import org.beatwise.settings.AuthSettings;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.SettingsStore;
import org.beatwise.store.UserAccount;
import org.beatwise.store.UserStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;

class AuthServiceTest {

    private static final String GOOD = "granite-harbour-74";

    @TempDir
    Path home;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    Services services;
    AuthService auth;

    @BeforeEach
    void open() {
        services = TestHomes.fast(home, clock);
        auth = services.auth();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void firstRegisteredAccountIsAdminAndLaterOnesAnalysts() {
        assertFalse(auth.hasUsers());
        assertEquals(Role.ADMIN, auth.register("alice", GOOD).role());
        services.stationSettings().setSelfRegistration(admin("alice"), true);
        assertEquals(Role.ANALYST, auth.register("bob", GOOD).role());
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        auth.register("alice", GOOD);
        services.stationSettings().setSelfRegistration(admin("alice"), true);
        AuthException e = assertThrows(AuthException.class, () -> auth.register("ALICE", GOOD));
        assertEquals("The username 'ALICE' is taken.", e.getMessage());
    }

    @Test
    void weakPasswordIsRefusedWithTheRuleItBroke() {
        AuthException e = assertThrows(AuthException.class, () -> auth.register("alice", "password"));
        assertTrue(e.getMessage().startsWith("Password must be at least 12"), e.getMessage());
        assertFalse(auth.hasUsers());
    }

    @Test
    void selfRegistrationIsOffOnceAnAdministratorExists() {
        // a brand-new station with nothing stored: the defaults decide
        try (Services fresh = new Services(new DataHome(home.resolve("fresh")), clock)) {
            AuthService a = fresh.auth();
            assertTrue(a.canSelfRegister(), "first run: someone must be able to make the first account");
            assertEquals(Role.ADMIN, a.register("alice", GOOD).role());
            assertFalse(a.canSelfRegister());
            AuthException e = assertThrows(AuthException.class, () -> a.register("bob", GOOD));
            assertEquals("Registration is switched off on this station; ask an administrator for an account.", e.getMessage());
            assertEquals(1, a.users().size());
            // an administrator can still add users
            assertEquals(Role.ANALYST, a.addUser(admin("alice"), "bob", GOOD, Role.ANALYST).role());
        }
    }

    @Test
    void adminCanSwitchSelfRegistrationOnAndOffAgain() {
        auth.register("alice", GOOD);
        services.stationSettings().setSelfRegistration(admin("alice"), true);
        assertEquals(Role.ANALYST, auth.register("bob", GOOD).role());
        services.stationSettings().setSelfRegistration(admin("alice"), false);
        AuthException e = assertThrows(AuthException.class, () -> auth.register("carol", GOOD));
        assertTrue(e.getMessage().contains("switched off"));
    }

    @Test
    void defaultBcryptCostIsTwelve() throws Exception {
        services.stationSettings().updateAuth(admin("test"), AuthSettings.defaults());
        auth.register("alice", GOOD);
        String hash = auth.users().get(0).passwordHash();
        assertTrue(hash.startsWith("$2a$12$"), hash);
    }

    @Test
    void passwordIsNeverStoredInPlainText() throws Exception {
        auth.register("alice", GOOD);
        services.close();
        byte[] db = Files.readAllBytes(home.resolve("beatwise.mv.db"));
        assertFalse(new String(db, StandardCharsets.ISO_8859_1).contains(GOOD));
        services = TestHomes.fast(home, clock);
        auth = services.auth();
    }

    @Test
    void signInSucceedsWithTheRightPasswordAndRecordsIt() {
        auth.register("alice", GOOD);
        SignInResult r = auth.signIn("Alice", GOOD);
        SignInResult.Success s = assertInstanceOf(SignInResult.Success.class, r);
        assertEquals("alice", s.session().username());
        assertEquals(clock.instant(), auth.users().get(0).lastSignIn());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        auth.register("alice", GOOD);
        SignInResult wrong = auth.signIn("alice", "not-the-password");
        SignInResult unknown = auth.signIn("mallory", "not-the-password");
        assertEquals(new SignInResult.Failed(SignInResult.WRONG_CREDENTIALS), wrong);
        assertEquals(wrong, unknown);
    }

    @Test
    void unknownUserStillSpendsABcryptVerification() {
        // Timing is the concern (an unknown name must not answer faster), but what makes the times equal is that
        // both paths run one bcrypt verification at the station's cost, so count those instead of timing them.
        List<String> checkedHashes = new ArrayList<>();
        try (Database db = Database.open(home.resolve("counted"))) {
            AuditStore audit = new AuditStore(db, clock);
            StationSettingsService settings = new StationSettingsService(new SettingsStore(db), audit);
            AuthService counted = new AuthService(new UserStore(db), audit, settings, PasswordPolicy.standard(), clock,
                    (password, hash) -> {
                        checkedHashes.add(hash);
                        return BCrypt.checkpw(password, hash);
                    });
            settings.updateAuth(admin("test"), AuthSettings.defaults()); // cost 12, as on a station
            counted.register("alice", GOOD);
            String stationCost = String.format("$2a$%02d$", AuthSettings.defaults().bcryptCost());

            assertInstanceOf(SignInResult.Failed.class, counted.signIn("alice", "not-the-password"));
            assertEquals(List.of(counted.users().get(0).passwordHash()), checkedHashes, "a wrong password: one check");

            checkedHashes.clear();
            assertInstanceOf(SignInResult.Failed.class, counted.signIn("mallory", "not-the-password"));
            assertEquals(1, checkedHashes.size(), "an unknown user: one check all the same");
            assertTrue(checkedHashes.get(0).startsWith(stationCost), "at the station's cost: " + checkedHashes.get(0));

            for (int i = 0; i < AuthSettings.defaults().maxFailedAttempts() - 2; i++) {
                counted.signIn("alice", "not-the-password");
            }
            assertInstanceOf(SignInResult.Locked.class, counted.signIn("alice", "not-the-password"));
            checkedHashes.clear();
            assertInstanceOf(SignInResult.Locked.class, counted.signIn("alice", GOOD));
            assertEquals(1, checkedHashes.size(), "a locked account: one check all the same");
            assertTrue(checkedHashes.get(0).startsWith(stationCost), "at the station's cost: " + checkedHashes.get(0));
            assertFalse(checkedHashes.contains(counted.users().get(0).passwordHash()),
                    "never against the locked account's own hash");
        }
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() {
        auth.register("alice", GOOD);
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignInResult.Failed.class, auth.signIn("alice", "wrong-password-" + i));
        }
        assertInstanceOf(SignInResult.Locked.class, auth.signIn("alice", "wrong-password-5"));
        // even the right password is refused while locked
        assertInstanceOf(SignInResult.Locked.class, auth.signIn("alice", GOOD));
        clock.advance(Duration.ofMinutes(14));
        assertInstanceOf(SignInResult.Locked.class, auth.signIn("alice", GOOD));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD));
        assertEquals(0, auth.users().get(0).failedAttempts());
    }

    @Test
    void lockoutNumbersAreSettings() {
        auth.register("alice", GOOD);
        services.stationSettings().updateAuth(admin("alice"), new AuthSettings(2, 1, 15, AuthSettings.MIN_BCRYPT_COST, true));
        auth.signIn("alice", "wrong-password-1");
        assertInstanceOf(SignInResult.Locked.class, auth.signIn("alice", "wrong-password-2"));
        clock.advance(Duration.ofSeconds(61));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD));
    }

    @Test
    void adminUnlockClearsTheLock() {
        auth.register("alice", GOOD);
        auth.addUser(admin("alice"), "bob", GOOD, Role.ANALYST);
        for (int i = 0; i < 5; i++) {
            auth.signIn("bob", "wrong-password-" + i);
        }
        auth.unlock(admin("alice"), "bob");
        assertInstanceOf(SignInResult.Success.class, auth.signIn("bob", GOOD));
    }

    @Test
    void lastAdministratorCannotBeRemoved() {
        auth.register("alice", GOOD);
        auth.addUser(admin("alice"), "bob", GOOD, Role.ANALYST);
        assertThrows(AuthException.class, () -> auth.remove(admin("alice"), "alice"));
        auth.remove(admin("alice"), "bob");
        assertEquals(1, auth.users().size());
    }

    @Test
    void idleUnlockNeedsTheSameUsersPassword() {
        auth.register("alice", GOOD);
        SignInResult.Session s = ((SignInResult.Success) auth.signIn("alice", GOOD)).session();
        assertInstanceOf(SignInResult.Failed.class, auth.unlockSession(s, "wrong-password"));
        assertEquals(new SignInResult.Success(s), auth.unlockSession(s, GOOD));
    }

    @Test
    void auditRecordsEventsButNeverThePassword() {
        auth.register("alice", GOOD);
        auth.signIn("alice", "wrong-password-x");
        auth.signIn("alice", GOOD);
        auth.signOut(new SignInResult.Session("alice", Role.ADMIN, clock.instant()));
        List<AuditEntry> log = services.audit().latest(10);
        assertEquals(List.of(AuditEvent.LOGOUT, AuditEvent.SIGN_IN_OK, AuditEvent.SIGN_IN_FAILED, AuditEvent.REGISTERED,
                AuditEvent.SETTINGS_CHANGED), log.stream().map(AuditEntry::event).toList());
        for (AuditEntry e : log) {
            String text = e.toString();
            assertFalse(text.contains(GOOD) || text.contains("wrong-password-x") || text.contains("$2a$"), text);
        }
    }

    @Test
    void settingsAreValidatedWithTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuthSettings(0, 15, 15, 12, true));
        assertEquals("maxFailedAttempts must be between 1 and 100, was 0", e.getMessage());
        assertEquals(AuthSettings.defaults(), AuthSettings.of(AuthSettings.defaults().toProperties()));
    }

    @Test
    void dataHomeResolutionOrder() {
        assertEquals(Path.of("/x").toAbsolutePath(), DataHome.resolve("/x", java.util.Map.of("BEATWISE_HOME", "/y")).dir());
        assertEquals(Path.of("/y").toAbsolutePath(), DataHome.resolve(null, java.util.Map.of("BEATWISE_HOME", "/y")).dir());
        assertTrue(DataHome.resolve(null, java.util.Map.of()).dir().endsWith(".beatwise"));
    }

    @Test
    void anUnknownNameIsNeverStoredAsTyped() {
        auth.register("alice", GOOD);
        String typedIntoNameBox = "hunter2-secret";
        auth.signIn(typedIntoNameBox, "whatever-else");
        AuditEntry last = services.audit().latest(1).get(0);
        assertEquals(AuditEvent.SIGN_IN_FAILED, last.event());
        assertEquals("unknown name (14 characters)", last.username());
        assertFalse(last.toString().contains(typedIntoNameBox), last.toString());
    }

    @Test
    void anOverlongNameIsRefusedWithAClearMessageAndNoBcryptCheck() {
        List<String> checkedHashes = new ArrayList<>();
        try (Database db = Database.open(home.resolve("counted"))) {
            AuthService counted = countingChecks(db, checkedHashes);
            counted.register("alice", GOOD);
            String name = "a".repeat(65);
            SignInResult r = counted.signIn(name, GOOD);
            assertEquals(new SignInResult.Failed(SignInResult.NAME_TOO_LONG), r);
            assertTrue(r.toString().contains("at most 64 characters"), r.toString());
            assertEquals(List.of(), checkedHashes);
            AuditEntry last = new AuditStore(db, clock).latest(1).get(0);
            assertEquals("unknown name (65 characters)", last.username());
            // a 64-character name is an ordinary unknown name
            assertEquals(new SignInResult.Failed(SignInResult.WRONG_CREDENTIALS), counted.signIn("b".repeat(64), GOOD));
            // user management looks no overlong name up either
            AuthException e = assertThrows(AuthException.class, () -> counted.unlock(admin("alice"), name));
            assertEquals("No user named '" + name + "'.", e.getMessage());
        }
    }

    /** An auth service on its own database whose bcrypt checks are listed in {@code checkedHashes}. */
    private AuthService countingChecks(Database db, List<String> checkedHashes) {
        AuditStore audit = new AuditStore(db, clock);
        StationSettingsService settings = new StationSettingsService(new SettingsStore(db), audit);
        settings.updateAuth(admin("test"), AuthSettings.defaults());
        return new AuthService(new UserStore(db), audit, settings, PasswordPolicy.standard(), clock,
                (password, hash) -> {
                    checkedHashes.add(hash);
                    return BCrypt.checkpw(password, hash);
                });
    }

    @Test
    void anAnalystCannotManageUsersAndEachRefusalIsAudited() {
        auth.register("alice", GOOD);
        auth.addUser(admin("alice"), "bob", GOOD, Role.ANALYST);
        auth.addUser(admin("alice"), "carol", GOOD, Role.ANALYST);
        for (int i = 0; i < 5; i++) {
            auth.signIn("carol", "wrong-password-" + i);
        }
        List<UserAccount> before = auth.users();
        Actor bob = analyst("bob");
        List<Executable> attempts = List.of(
                () -> auth.addUser(bob, "dave", GOOD, Role.ADMIN),
                () -> auth.remove(bob, "alice"),
                () -> auth.unlock(bob, "carol"),
                () -> auth.changeRole(bob, "bob", Role.ADMIN));
        List<String> expected = List.of("Only an administrator can add users.", "Only an administrator can remove users.",
                "Only an administrator can unlock users.", "Only an administrator can change roles.");
        for (int i = 0; i < attempts.size(); i++) {
            NotAllowedException e = assertThrows(NotAllowedException.class, attempts.get(i));
            assertEquals(expected.get(i), e.getMessage());
            AuditEntry last = services.audit().latest(1).get(0);
            assertEquals(AuditEvent.REFUSED, last.event());
            assertEquals("bob", last.username());
            assertTrue(last.detail().startsWith(expected.get(i)), last.detail());
        }
        assertEquals(before, auth.users(), "nothing changed");
    }

    @Test
    void anAdministratorChangesRolesButNeverDemotesTheLastAdministrator() {
        auth.register("alice", GOOD);
        auth.addUser(admin("alice"), "bob", GOOD, Role.ANALYST);
        AuthException last = assertThrows(AuthException.class, () -> auth.changeRole(admin("alice"), "alice", Role.ANALYST));
        assertEquals("'alice' is the last administrator and must stay one.", last.getMessage());

        assertEquals(Role.ADMIN, auth.changeRole(admin("alice"), "BOB", Role.ADMIN).role());
        AuditEntry entry = services.audit().latest(1).get(0);
        assertEquals(AuditEvent.ROLE_CHANGED, entry.event());
        assertEquals("bob from ANALYST to ADMIN", entry.detail());
        assertEquals(Role.ANALYST, auth.changeRole(admin("bob"), "alice", Role.ANALYST).role());
        SignInResult.Success s = assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD));
        assertFalse(s.session().isAdmin(), "the next sign-in carries the new role");
        assertEquals(new Actor("alice", Role.ANALYST), s.session().actor());
    }

    @Test
    void signInRehashesAPasswordStoredAtALowerCostThanTheStations() {
        auth.register("alice", GOOD);
        assertTrue(hashOf("alice").startsWith("$2a$10$"), hashOf("alice"));
        services.stationSettings().set(admin("alice"), "auth.bcrypt_cost", "11");

        auth.signIn("alice", "wrong-password-1");
        assertTrue(hashOf("alice").startsWith("$2a$10$"), "a wrong password changes nothing");

        assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD));
        String raised = hashOf("alice");
        assertTrue(raised.startsWith("$2a$11$"), raised);
        assertEquals("password rehashed from cost 10 to 11", services.audit().latest(1).get(0).detail());
        assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD), "the new hash holds the same password");
        assertEquals(raised, hashOf("alice"), "at the station's cost already: left alone");

        services.stationSettings().set(admin("alice"), "auth.bcrypt_cost", "10");
        assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD));
        assertEquals(raised, hashOf("alice"), "a lower station cost never weakens a stored hash");
    }

    private String hashOf(String username) {
        return auth.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow().passwordHash();
    }

    @Test
    void aPasswordOverBcrypts72BytesIsRefusedNotTruncated() {
        String ascii73 = "granite-harbour-" + "x".repeat(57);
        String umlauts = "ü".repeat(37); // 37 characters, 74 bytes
        for (String pw : List.of(ascii73, umlauts)) {
            AuthException e = assertThrows(AuthException.class, () -> auth.register("alice", pw));
            assertTrue(e.getMessage().startsWith("Password must be at most 72 bytes"), e.getMessage());
        }
        assertFalse(auth.hasUsers());
        auth.register("alice", GOOD);
        AuthException e = assertThrows(AuthException.class, () -> auth.addUser(admin("alice"), "bob", umlauts, Role.ANALYST));
        assertTrue(e.getMessage().startsWith("Password must be at most 72 bytes (it has 74"), e.getMessage());
        assertEquals(1, auth.users().size());
    }
}
