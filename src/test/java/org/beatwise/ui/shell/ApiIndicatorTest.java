package org.beatwise.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import org.beatwise.api.ApiService;
import org.beatwise.settings.ApiSettings;
import org.beatwise.testing.Actors;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top bar's HTTP API light follows the API whoever starts or stops it, on real services and a real server. */
class ApiIndicatorTest {

    @TempDir
    Path home;

    @Test
    void theLightShowsWhileTheApiRunsAndSaysWhereItListens() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-12-01T03:00:00Z"))); ApiService api = new ApiService(s, s.clock())) {
            ApiIndicator light = new ApiIndicator(api, new SameThreadTaskRunner());
            assertFalse(light.runningProperty().get(), "off by default");
            assertEquals("", light.textProperty().get());

            // started elsewhere (the Users pane, `serve` in the same process): the light follows
            InetSocketAddress at = api.start(Actors.admin("alice"), ApiSettings.defaults().withAddress("127.0.0.1", 0), false);
            assertTrue(light.runningProperty().get());
            assertFalse(light.reachableProperty().get(), "loopback reaches this machine only");
            assertEquals("API on", light.textProperty().get());
            assertTrue(light.detailProperty().get().contains("http://127.0.0.1:" + at.getPort() + "/api/v1")
                    && light.detailProperty().get().contains("this machine only"), light.detailProperty().get());

            api.stop(Actors.admin("alice"));
            assertFalse(light.runningProperty().get());
            assertEquals("", light.detailProperty().get());
        }
    }

    @Test
    void aLightAlreadyRunningWhenTheWindowOpensIsShownAndADisposedOneNoLongerFollows() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-12-01T03:00:00Z"))); ApiService api = new ApiService(s, s.clock())) {
            api.start(Actors.admin("alice"), ApiSettings.defaults().withAddress("127.0.0.1", 0), false);
            ApiIndicator light = new ApiIndicator(api, new SameThreadTaskRunner());
            assertTrue(light.runningProperty().get(), "started before the window opened (the station switch)");

            light.dispose();
            api.stop(Actors.admin("alice"));
            assertTrue(light.runningProperty().get(), "a disposed light is no longer told");
        }
    }
}
