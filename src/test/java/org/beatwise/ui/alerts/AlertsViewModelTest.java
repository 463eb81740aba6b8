package org.beatwise.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.beatwise.alert.AlertRule;
import org.beatwise.alert.PredictionCheck;
import org.beatwise.alert.Zone;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model on real services, without starting JavaFX. */
class AlertsViewModelTest {

    @TempDir
    Path home;

    @Test
    void filtersAndSettings() {
        try (Services s = TestHomes.fast(home, new MutableClock(Instant.parse("2026-03-01T20:00:00Z")))) {
            Session alice = new Session("alice", Role.ANALYST, Instant.EPOCH);
            List<Zone> zones = List.of(new Zone("hotspot 1", 42.3, -71.08, 200));
            s.alerts().check("alice", new PredictionCheck(42.3, -71.08, "X", 0.9), zones, "m", "h");
            s.alerts().check("bob", new PredictionCheck(42.5, -71.08, "X", 0.9), zones, "m", "h");

            AlertsViewModel vm = new AlertsViewModel(s.alerts(), s.stationSettings(), alice);
            assertEquals(3, vm.rows().size());
            vm.ruleFilterProperty().set(AlertRule.PROXIMITY);
            vm.refresh();
            assertEquals(1, vm.rows().size());
            vm.ruleFilterProperty().set(null);
            vm.userFilterProperty().set("bob");
            vm.refresh();
            assertEquals(1, vm.rows().size());

            // an analyst sees the station's alert rules but may not change them
            assertFalse(vm.canChangeSettings());
            vm.thresholdProperty().set("0.4");
            assertFalse(vm.saveSettings());
            assertEquals("Only an administrator can change station settings.", vm.messageProperty().get());
            assertEquals(0.7, s.stationSettings().alerts().confidenceThreshold());

            vm = new AlertsViewModel(s.alerts(), s.stationSettings(), new Session("root", Role.ADMIN, Instant.EPOCH));
            assertTrue(vm.canChangeSettings());
            assertEquals("0.7", vm.thresholdProperty().get());
            vm.thresholdProperty().set("high");
            assertFalse(vm.saveSettings());
            assertEquals("Confidence threshold must be a number, was 'high'", vm.messageProperty().get());
            vm.thresholdProperty().set("0.4");
            vm.stationProperty().set("42.31, -71.07");
            assertTrue(vm.saveSettings(), vm.messageProperty().get());
            assertEquals(0.4, s.stationSettings().alerts().confidenceThreshold());
            assertEquals(42.31, s.stationSettings().alerts().stationLat());
        }
    }
}
