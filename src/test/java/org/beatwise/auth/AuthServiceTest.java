package org.beatwise.auth;

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
import org.beatwise.settings.AuthSettings;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.Role;
import org.beatwise.store.SettingsStore;
import org.beatwise.store.UserStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        assertEquals(Role.ANALYST, auth.register("bob", GOOD).role());
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        auth.register("alice", GOOD);
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
    void adminCanSwitchSelfRegistrationOff() {
        auth.register("alice", GOOD);
        services.stationSettings().setSelfRegistration("alice", false);
        AuthException e = assertThrows(AuthException.class, () -> auth.register("bob", GOOD));
        assertTrue(e.getMessage().contains("switched off"));
        // an administrator can still add users
        assertEquals(Role.ANALYST, auth.addUser("alice", "bob", GOOD, Role.ANALYST).role());
    }

    @Test
    void defaultBcryptCostIsTwelve() throws Exception {
        services.stationSettings().updateAuth("test", AuthSettings.defaults());
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
            settings.updateAuth("test", AuthSettings.defaults()); // cost 12, as on a station
            counted.register("alice", GOOD);
            String stationCost = String.format("$2a$%02d$", AuthSettings.defaults().bcryptCost());

            assertInstanceOf(SignInResult.Failed.class, counted.signIn("alice", "not-the-password"));
            assertEquals(List.of(counted.users().get(0).passwordHash()), checkedHashes, "a wrong password: one check");

            checkedHashes.clear();
            assertInstanceOf(SignInResult.Failed.class, counted.signIn("mallory", "not-the-password"));
            assertEquals(1, checkedHashes.size(), "an unknown user: one check all the same");
            assertTrue(checkedHashes.get(0).startsWith(stationCost), "at the station's cost: " + checkedHashes.get(0));
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
        services.stationSettings().updateAuth("alice", new AuthSettings(2, 1, 15, 4, true));
        auth.signIn("alice", "wrong-password-1");
        assertInstanceOf(SignInResult.Locked.class, auth.signIn("alice", "wrong-password-2"));
        clock.advance(Duration.ofSeconds(61));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("alice", GOOD));
    }

    @Test
    void adminUnlockClearsTheLock() {
        auth.register("alice", GOOD);
        auth.register("bob", GOOD);
        for (int i = 0; i < 5; i++) {
            auth.signIn("bob", "wrong-password-" + i);
        }
        auth.unlock("alice", "bob");
        assertInstanceOf(SignInResult.Success.class, auth.signIn("bob", GOOD));
    }

    @Test
    void lastAdministratorCannotBeRemoved() {
        auth.register("alice", GOOD);
        auth.register("bob", GOOD);
        assertThrows(AuthException.class, () -> auth.remove("alice", "alice"));
        auth.remove("alice", "bob");
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
}
