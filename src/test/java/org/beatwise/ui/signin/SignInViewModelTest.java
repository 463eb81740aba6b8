package org.beatwise.ui.signin;

import static org.beatwise.testing.Actors.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.ui.shell.MainViewModel;
import org.beatwise.ui.shell.Panes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, registration and the idle lock through their view-models, without the JavaFX toolkit. */
class SignInViewModelTest {

    private static final String GOOD = "granite-harbour-74";

    @TempDir
    Path home;
    Services services;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();

    @BeforeEach
    void open() {
        services = TestHomes.fast(home, new MutableClock(Instant.parse("2026-02-01T08:00:00Z")));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void registrationListsBrokenRulesAsTheUserTypes() {
        RegisterViewModel vm = new RegisterViewModel(services.auth(), tasks);
        assertEquals("Create the first administrator", vm.title());
        vm.usernameProperty().set("alice");
        vm.passwordProperty().set("alice-7");
        assertEquals(List.of("Password must be at least 12 characters (it has 7).", "Password must not contain the username."),
                vm.problems());
        assertFalse(vm.canRegisterProperty().get());
        vm.passwordProperty().set(GOOD);
        vm.confirmProperty().set(GOOD + "x");
        assertEquals(List.of("The two passwords differ."), vm.problems());
        vm.confirmProperty().set(GOOD);
        assertTrue(vm.canRegisterProperty().get());
        AtomicReference<Session> session = new AtomicReference<>();
        vm.register(session::set);
        assertEquals(Role.ADMIN, session.get().role());
        assertEquals("", vm.passwordProperty().get(), "password cleared after use");
    }

    @Test
    void signInShowsTheSameMessageForWrongPasswordAndUnknownUser() {
        services.auth().addUser(admin("test"), "bob", GOOD, Role.ANALYST);
        SignInViewModel vm = new SignInViewModel(services.auth(), tasks);
        assertFalse(vm.isFirstRun());
        assertFalse(vm.canSignInProperty().get());
        AtomicReference<Session> session = new AtomicReference<>();
        vm.usernameProperty().set("bob");
        vm.passwordProperty().set("wrong-password");
        vm.signIn(session::set);
        String wrong = vm.messageProperty().get();
        vm.usernameProperty().set("nobody");
        vm.passwordProperty().set("wrong-password");
        vm.signIn(session::set);
        assertEquals(wrong, vm.messageProperty().get());
        assertNull(session.get());
        vm.usernameProperty().set("BOB");
        vm.passwordProperty().set(GOOD);
        vm.signIn(session::set);
        assertEquals("bob", session.get().username());
    }

    @Test
    void idleLockAsksTheSameUserAndKeepsTheSession() {
        services.auth().addUser(admin("test"), "bob", GOOD, Role.ANALYST);
        Session bob = new Session("bob", Role.ANALYST, Instant.EPOCH);
        MainViewModel main = new MainViewModel(services.auth(), services.stationSettings(), tasks, bob, Panes.all());
        assertEquals(15, main.idleLimit().toMinutes());
        main.selectedProperty().set(main.panes().get(2));
        main.lock();
        assertTrue(main.lockedProperty().get());
        main.unlockPasswordProperty().set("wrong-password");
        main.unlock();
        assertTrue(main.lockedProperty().get());
        assertEquals("Wrong username or password.", main.unlockMessageProperty().get());
        main.unlockPasswordProperty().set(GOOD);
        main.unlock();
        assertFalse(main.lockedProperty().get());
        assertEquals(main.panes().get(2), main.selectedProperty().get(), "the work underneath is kept");
        assertFalse(main.panes().stream().anyMatch(p -> p.id().equals("users")), "analysts do not see Users");
    }
}
