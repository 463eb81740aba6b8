package org.beatwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.settings.ApiSettings;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.Actors;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may start the API, where it may listen, and what the audit log says about it. */
class ApiServiceTest {

    @TempDir
    Path home;

    @Test
    void onlyAnAdministratorStartsOrStopsItAndTheRefusalIsAudited() throws Exception {
        try (Services s = ApiStation.open(home, ApiStation.clock()); ApiService api = new ApiService(s, s.clock())) {
            ApiSettings settings = ApiSettings.defaults().withAddress("127.0.0.1", 0);
            assertThrows(NotAllowedException.class, () -> api.start(Actors.analyst(ApiStation.ANALYST), settings, false));
            assertTrue(api.address().isEmpty());
            assertEquals(AuditEvent.REFUSED, s.audit().latest(1).get(0).event());
            InetSocketAddress at = api.start(Actors.admin(ApiStation.ADMIN), settings, false);
            assertThrows(NotAllowedException.class, () -> api.stop(Actors.analyst(ApiStation.ANALYST)));
            assertEquals(List.of(InetAddress.getByName("127.0.0.1")), ListeningSockets.at(at.getPort()));
            assertTrue(api.stop(Actors.admin(ApiStation.ADMIN)));
            assertTrue(ListeningSockets.at(at.getPort()).isEmpty(), "the port is closed after stop");
            List<String> details = s.audit().latest(5).stream().filter(e -> e.event() == AuditEvent.API_SERVER)
                    .map(AuditEntry::detail).toList();
            assertTrue(details.get(0).startsWith("stopped on 127.0.0.1:" + at.getPort()), details.toString());
            assertTrue(details.get(1).startsWith("started on 127.0.0.1:" + at.getPort() + " (this machine only)"), details.toString());
        }
    }

    @Test
    void anyAddressButLoopbackMustBeAskedForAndIsAuditedAsReachable() throws Exception {
        try (Services s = ApiStation.open(home, ApiStation.clock()); ApiService api = new ApiService(s, s.clock())) {
            ApiSettings everywhere = ApiSettings.defaults().withAddress("0.0.0.0", 0);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> api.start(Actors.admin(ApiStation.ADMIN), everywhere, false));
            assertTrue(refused.getMessage().contains("--bind 0.0.0.0"), refused.getMessage());
            assertTrue(api.address().isEmpty(), "nothing was bound");
            InetSocketAddress at = api.start(Actors.admin(ApiStation.ADMIN), everywhere, true);
            try {
                List<InetAddress> listening = ListeningSockets.at(at.getPort());
                assertEquals(1, listening.size(), listening.toString());
                assertTrue(listening.get(0).isAnyLocalAddress(), listening.toString());
                AuditEntry started = s.audit().latest(1).get(0);
                assertEquals(AuditEvent.API_SERVER, started.event());
                assertTrue(started.detail().contains("REACHABLE FROM OTHER MACHINES"), started.detail());
            } finally {
                api.stop(Actors.admin(ApiStation.ADMIN));
            }
            assertFalse(api.address().isPresent());
        }
    }
}
