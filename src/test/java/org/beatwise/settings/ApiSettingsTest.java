package org.beatwise.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.testing.Actors;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiSettingsTest {

    @TempDir
    Path home;

    @Test
    void offOnLoopbackByDefaultAndRoundTripsThroughFlatKeys() {
        ApiSettings d = ApiSettings.defaults();
        assertFalse(d.enabled());
        assertEquals(8600, d.port());
        assertTrue(d.loopbackOnly());
        ApiSettings changed = d.withEnabled(true).withAddress("10.1.2.3", 9000).withRate(5, 10).withFailedAuthLimit(3, 4)
                .withTimeouts(7, 8);
        assertEquals(changed, ApiSettings.of(changed.toProperties()));
        assertFalse(changed.loopbackOnly());
        assertEquals(d, ApiSettings.of(Map.of()));
        assertTrue(d.withAddress("::1", 1).loopbackOnly());
        assertTrue(d.withAddress("localhost", 1).loopbackOnly());
        assertTrue(d.withAddress("127.0.0.2", 1).loopbackOnly());
        assertFalse(d.withAddress("::", 1).loopbackOnly());
        assertFalse(d.withAddress("0.0.0.0", 1).loopbackOnly());
    }

    @ParameterizedTest
    @CsvSource({"port, 70000, api.port", "bind, tiles.example.org, api.bind", "bind, 300.1.1.1, api.bind", "bind, ':::::', api.bind", "bind, 1:2:3, api.bind",
            "rate_per_second, 0, api.rate_per_second", "burst, 0, api.burst", "enabled, yes, api.enabled",
            "failed_auth_per_minute, 0, api.failed_auth_per_minute", "failed_auth_burst, 0, api.failed_auth_burst",
            "request_timeout_s, 0, api.request_timeout_s", "response_timeout_s, 3601, api.response_timeout_s"})
    void aBadValueIsRefusedNamingTheKey(String key, String value, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiSettings.of(Map.of("api." + key, value)));
        assertTrue(e.getMessage().contains(named) && e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void onlyAnAdministratorChangesThemThroughTheStationSettings() {
        try (Services s = new Services(new DataHome(home), Clock.systemUTC())) {
            StationSettingsService station = s.stationSettings();
            assertThrows(NotAllowedException.class, () -> station.updateApi(Actors.analyst("bob"),
                    ApiSettings.defaults().withEnabled(true)));
            assertThrows(NotAllowedException.class, () -> station.set(Actors.analyst("bob"), "api.enabled", "true"));
            assertFalse(station.api().enabled());
            station.set(Actors.admin("alice"), "api.port", "8700");
            assertEquals(8700, station.api().port());
            assertEquals("8700", station.all().get("api.port"));
            assertThrows(IllegalArgumentException.class, () -> station.set(Actors.admin("alice"), "api.port", "0x10"));
            assertEquals(8700, station.api().port(), "a refused value stores nothing");
        }
    }
}
