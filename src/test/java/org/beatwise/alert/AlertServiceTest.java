package org.beatwise.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.beatwise.json.JsonMappers;
import org.beatwise.store.AlertRecord;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertServiceTest {

    @TempDir
    Path home;

    @Test
    void storesAlertsSuppressesRepeatsAndListsThem() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T20:00:00Z"));
        List<Zone> zones = List.of(new Zone("hotspot 3", 42.30, -71.08, 200));
        PredictionCheck inside = new PredictionCheck(42.3001, -71.08, "LARCENY", 0.8);
        try (Services s = TestHomes.fast(home, clock)) {
            AlertService alerts = s.alerts();
            List<AlertRecord> first = alerts.check("alice", inside, zones, "m1", "set1");
            assertEquals(List.of("HIGH_CONFIDENCE", "PROXIMITY"), first.stream().map(AlertRecord::rule).toList());
            // the same place two minutes later: nothing new
            clock.advance(Duration.ofMinutes(2));
            assertEquals(List.of(), alerts.check("alice", new PredictionCheck(42.3002, -71.08, "LARCENY", 0.9), zones, "m1", "set1"));
            // a different place is a new alert
            assertEquals(1, alerts.check("alice", new PredictionCheck(42.40, -71.08, "LARCENY", 0.9), zones, "m1", "set1").size());
            // after the repeat window the first place alerts again
            clock.advance(Duration.ofMinutes(4));
            assertEquals(2, alerts.check("alice", inside, zones, "m1", "set1").size());
            assertEquals(5, alerts.list(null, null, null, 100).size());
            assertEquals(2, alerts.list(AlertRule.PROXIMITY, "ALICE", null, 100).size());
            assertEquals(5, s.audit().latest(100).stream().filter(e -> e.event() == AuditEvent.ALERT).count());
        }
        CliRun run = CliRun.run(home, "", "alerts", "--json", "--rule", "proximity");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = JsonMappers.output().readTree(run.out());
        assertEquals(2, json.size());
        assertEquals("set1", json.get(0).get("hotspot_set").asText());
        assertEquals("alice", json.get(0).get("username").asText());
    }
}
