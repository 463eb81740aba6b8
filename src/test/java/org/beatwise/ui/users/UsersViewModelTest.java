package org.beatwise.ui.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.auth.SignInResult;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;
import org.beatwise.settings.AuthSettings;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.UserAccount;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.RecordingTaskRunner;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersViewModelTest {

    @TempDir
    Path home;

    @Test
    void adminAddsAndRemovesUsers() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            s.auth().register("root", "granite-harbour-74");
            UsersViewModel vm = new UsersViewModel(s.auth(), s.stationSettings(), new Session("root", Role.ADMIN, Instant.EPOCH),
                    new SameThreadTaskRunner());
            vm.newUsernameProperty().set("bob");
            vm.newPasswordProperty().set("short");
            vm.addUser();
            assertEquals("Password must be at least 12 characters (it has 5).", vm.messageProperty().get());
            assertEquals("bob", vm.newUsernameProperty().get(), "the name stays for a second try");
            vm.newPasswordProperty().set("tidal-lantern-395");
            vm.addUser();
            assertEquals("Added bob as analyst.", vm.messageProperty().get());
            assertEquals(2, vm.users().size());
            assertEquals("", vm.newPasswordProperty().get(), "the password never lingers");

            vm.remove(vm.users().stream().filter(u -> u.username().equals("bob")).findFirst().orElseThrow());
            assertEquals(1, vm.users().size());
            vm.remove(vm.users().get(0));
            assertEquals("'root' is the last administrator and cannot be removed.", vm.messageProperty().get());

            vm.selfRegistrationProperty().set(true);
            assertTrue(s.stationSettings().auth().selfRegistration());
            assertEquals(AuditEvent.SETTINGS_CHANGED, s.audit().latest(1).get(0).event());
        }
    }

    @Test
    void addingAUserRunsBcryptThroughTheTaskRunner() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))) {
            s.auth().register("root", "granite-harbour-74");
            RecordingTaskRunner tasks = new RecordingTaskRunner();
            UsersViewModel vm = new UsersViewModel(s.auth(), s.stationSettings(), new Session("root", Role.ADMIN, Instant.EPOCH), tasks);
            vm.newUsernameProperty().set("carol");
            vm.newPasswordProperty().set("tidal-lantern-395");
            vm.addUser();
            assertEquals(List.of("Adding carol"), tasks.titles());
            assertTrue(vm.runningProperty().get());
            assertEquals(1, s.auth().users().size(), "nothing is hashed or stored on the calling thread");
            assertEquals("", vm.newPasswordProperty().get(), "the password leaves the form at once");
            vm.addUser();
            assertEquals(1, tasks.pending(), "a second press while the first runs does nothing");

            tasks.runAll();
            assertEquals("Added carol as analyst.", vm.messageProperty().get());
            assertEquals(2, vm.users().size());
            assertEquals("", vm.newUsernameProperty().get());
            assertFalse(vm.runningProperty().get());
        }
    }

    @Test
    void adminUnlocksALockedAccountSoItCanSignInAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Services s = TestHomes.fast(home, clock)) {
            s.auth().register("root", "granite-harbour-74");
            s.auth().addUser(new Actor("root", Role.ADMIN), "bob", "tidal-lantern-395", Role.ANALYST);
            for (int i = 0; i < AuthSettings.defaults().maxFailedAttempts(); i++) {
                s.auth().signIn("bob", "wrong-password-" + i);
            }
            assertInstanceOf(SignInResult.Locked.class, s.auth().signIn("bob", "tidal-lantern-395"), "locked first");
            UsersViewModel vm = new UsersViewModel(s.auth(), s.stationSettings(),
                    new Session("root", Role.ADMIN, Instant.EPOCH), new SameThreadTaskRunner());
            UserAccount bob = vm.users().stream().filter(u -> u.username().equals("bob")).findFirst().orElseThrow();
            assertTrue(bob.isLockedAt(clock.instant()), "the list shows bob locked");

            vm.unlock(bob);

            assertEquals("Unlocked bob.", vm.messageProperty().get());
            assertFalse(vm.users().stream().filter(u -> u.username().equals("bob")).findFirst().orElseThrow()
                    .isLockedAt(clock.instant()), "the refreshed list shows bob unlocked");
            assertInstanceOf(SignInResult.Success.class, s.auth().signIn("bob", "tidal-lantern-395"),
                    "well inside the lockout, bob signs in again");
            assertEquals(AuditEvent.SIGN_IN_OK, s.audit().latest(2).get(0).event());
            assertEquals(AuditEvent.UNLOCKED, s.audit().latest(2).get(1).event());
        }
    }
}
