package org.beatwise.ui.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import org.beatwise.api.ApiService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.settings.ApiSettings;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station settings' HTTP API switch, on real services and a real (loopback, any free port) server. */
class ApiSwitchViewModelTest {

    @TempDir
    Path home;

    static Services station(Path home) {
        Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-11-30T12:00:00Z")));
        // any free port, so the test never collides with a real API on 8600
        s.stationSettings().updateApi(Actors.admin("test"), ApiSettings.defaults().withAddress("127.0.0.1", 0));
        return s;
    }

    @Test
    void anAdministratorSwitchesTheApiOnAndOffAndTheStatusSaysWhereItListens() {
        try (Services s = station(home); ApiService api = new ApiService(s, s.clock())) {
            ApiSwitchViewModel vm = new ApiSwitchViewModel(api, new Session("alice", Role.ADMIN, Instant.EPOCH),
                    new SameThreadTaskRunner());
            assertEquals("HTTP API off.", vm.statusProperty().get());
            vm.enabledProperty().set(true);
            InetSocketAddress at = api.address().orElseThrow();
            assertTrue(vm.statusProperty().get().contains("127.0.0.1:" + at.getPort())
                    && vm.statusProperty().get().contains("this machine only"), vm.statusProperty().get());
            assertTrue(s.stationSettings().api().enabled(), "the switch is saved");
            vm.enabledProperty().set(false);
            assertTrue(api.address().isEmpty());
            assertFalse(s.stationSettings().api().enabled());
            assertEquals("HTTP API off.", vm.statusProperty().get());
        }
    }

    @Test
    void anAnalystIsRefusedByTheServiceAndTheSwitchFlipsBack() {
        try (Services s = station(home); ApiService api = new ApiService(s, s.clock())) {
            ApiSwitchViewModel vm = new ApiSwitchViewModel(api, new Session("bob", Role.ANALYST, Instant.EPOCH),
                    new SameThreadTaskRunner());
            vm.enabledProperty().set(true);
            assertFalse(vm.enabledProperty().get());
            assertTrue(vm.statusProperty().get().startsWith("Only an administrator"), vm.statusProperty().get());
            assertTrue(api.address().isEmpty());
            assertFalse(s.stationSettings().api().enabled());
            assertEquals(AuditEvent.REFUSED, s.audit().latest(1).get(0).event());
        }
    }

    @Test
    void theAppStartsTheApiWhenAnAdministratorLeftTheSwitchOn() {
        try (Services s = station(home)) {
            try (ApiService before = new ApiService(s, s.clock())) {
                assertTrue(before.startIfEnabled().isEmpty(), "off by default");
                before.setEnabled(Actors.admin("alice"), true);
            }
            try (ApiService restarted = new ApiService(s, s.clock())) {
                assertTrue(restarted.startIfEnabled().isPresent());
                assertEquals(AuditEvent.API_SERVER, s.audit().latest(1).get(0).event());
                assertTrue(s.audit().latest(1).get(0).username().startsWith("station settings"));
            }
        }
    }
}
