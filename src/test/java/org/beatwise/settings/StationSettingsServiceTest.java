package org.beatwise.settings;

import static org.beatwise.testing.Actors.admin;
import static org.beatwise.testing.Actors.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.Database;
import org.beatwise.store.SettingsStore;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StationSettingsServiceTest {

    @TempDir
    Path home;
    Services services;
    StationSettingsService station;

    @BeforeEach
    void open() {
        services = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-05T09:00:00Z")));
        station = services.stationSettings();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private AuditEntry lastAudit() {
        return services.audit().latest(1).get(0);
    }

    @Test
    void aNewStationHasTheDocumentedDefaults() {
        assertEquals(AlertSettings.defaults(), station.alerts());
        assertEquals(MapSettings.defaults(), station.map());
        assertEquals("", station.map().urlTemplate(), "no tile server unless the station names one");
        // TestHomes lowers only the bcrypt cost, for speed.
        AuthSettings d = AuthSettings.defaults();
        assertEquals(new AuthSettings(d.maxFailedAttempts(), d.lockoutMinutes(), d.idleLockMinutes(),
                AuthSettings.MIN_BCRYPT_COST, d.selfRegistration()), station.auth());
    }

    @Test
    void eachChangeIsStoredAndAudited() throws Exception {
        AuthSettings auth = new AuthSettings(3, 30, 10, 11, true);
        station.updateAuth(admin("root"), auth);
        assertEquals(auth, station.auth());
        assertEquals(AuditEvent.SETTINGS_CHANGED, lastAudit().event());
        assertEquals("root", lastAudit().username());
        assertEquals(auth.toProperties().toString(), lastAudit().detail());

        AlertSettings alerts = new AlertSettings(0.5, Set.of("ROBBERY"), 100, 42.3, -71.1, 10);
        station.updateAlerts(admin("root"), alerts);
        assertEquals(alerts, station.alerts());
        assertEquals(AuditEvent.SETTINGS_CHANGED, lastAudit().event());
        assertEquals(alerts.toProperties().toString(), lastAudit().detail());

        MapSettings map = new MapSettings(Files.createDirectories(home.resolve("tiles")).toString());
        station.updateMap(admin("root"), map);
        assertEquals(map, station.map());
        assertEquals(AuditEvent.SETTINGS_CHANGED, lastAudit().event());
        assertEquals(map.toProperties().toString(), lastAudit().detail());
    }

    @Test
    void selfRegistrationChangesOnlyThatRule() {
        AuthSettings before = station.auth();
        station.setSelfRegistration(admin("root"), true);
        assertEquals(before.withSelfRegistration(true), station.auth());
        assertEquals(AuditEvent.SETTINGS_CHANGED, lastAudit().event());
        assertTrue(lastAudit().detail().contains("auth.self_registration=true"), lastAudit().detail());
    }

    @Test
    void alertRulesAreReadOnceAWhileButAChangeMadeHereAppliesAtOnce() {
        long[] nanos = {0};
        try (Database db = Database.open(home.resolve("other"))) {
            SettingsStore store = new SettingsStore(db);
            StationSettingsService cached = new StationSettingsService(store, new org.beatwise.store.AuditStore(db,
                    java.time.Clock.systemUTC()), () -> nanos[0]);
            assertEquals(0.70, cached.alerts().confidenceThreshold());
            // changed behind its back, as another program would
            store.put("alert.confidence_threshold", "0.5");
            nanos[0] += StationSettingsService.ALERTS_TTL.toNanos() - 1;
            assertEquals(0.70, cached.alerts().confidenceThreshold(), "within its time the rules are not read again");
            nanos[0] += 1;
            assertEquals(0.5, cached.alerts().confidenceThreshold(), "read again once the time is up");
            cached.updateAlerts(admin("root"), cached.alerts().withConfidenceThreshold(0.9));
            assertEquals(0.9, cached.alerts().confidenceThreshold(), "a change made here applies at once");
        }
    }

    @Test
    void allListsEveryKeyAuthThenAlertThenMapThenApiThenTraining() {
        List<String> keys = List.copyOf(station.all().keySet());
        assertEquals("auth.max_failed_attempts", keys.get(0));
        assertEquals("map.tiles", keys.get(keys.size() - 2 - ApiSettings.defaults().toProperties().size()));
        assertEquals("api.response_timeout_s", keys.get(keys.size() - 2));
        assertEquals("training.sample_rows", keys.get(keys.size() - 1));
        assertEquals(AuthSettings.defaults().toProperties().size() + AlertSettings.defaults().toProperties().size()
                + MapSettings.defaults().toProperties().size() + ApiSettings.defaults().toProperties().size() + 1,
                keys.size());
    }

    @Test
    void setChangesOneKeyOfItsRecord() {
        station.set(admin("root"), "alert.confidence_threshold", "0.5");
        station.set(admin("root"), "auth.lockout_minutes", "30");
        assertEquals(0.5, station.alerts().confidenceThreshold());
        assertEquals(AlertSettings.defaults().proximityMeters(), station.alerts().proximityMeters());
        assertEquals(30, station.auth().lockoutMinutes());
        assertEquals("30", station.all().get("auth.lockout_minutes"));
        assertEquals(AuditEvent.SETTINGS_CHANGED, lastAudit().event());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "auth.lockout_minutes|abc|auth.lockout_minutes must be a whole number, was 'abc'",
            "auth.self_registration|yes|auth.self_registration must be true or false, was 'yes'",
            "alert.confidence_threshold|high|alert.confidence_threshold must be a number, was 'high'",
            "alert.station_lat|north|alert.station_lat must be a number, was 'north'",
            "alert.repeat_minutes|5.5|alert.repeat_minutes must be a whole number, was '5.5'",
            "auth.max_failed_attempts|0|maxFailedAttempts must be between 1 and 100, was 0",
            "auth.bcrypt_cost|4|bcryptCost (auth.bcrypt_cost) must be between 10 and 16, was 4",
            "auth.bcrypt_cost|9|bcryptCost (auth.bcrypt_cost) must be between 10 and 16, was 9",
            "auth.bcrypt_cost|17|bcryptCost (auth.bcrypt_cost) must be between 10 and 16, was 17",
            "alert.confidence_threshold|2|confidenceThreshold must be above 0 and at most 1, was 2.0"})
    void aBadValueIsRefusedByNameAndNothingIsStored(String key, String value, String message) {
        Map<String, String> before = station.all();
        int audited = services.audit().latest(100).size();
        var e = assertThrows(IllegalArgumentException.class, () -> station.set(admin("root"), key, value));
        assertEquals(message, e.getMessage());
        assertEquals(before, station.all());
        assertEquals(audited, services.audit().latest(100).size());
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> station.set(admin("root"), "colour", "red"));
        assertTrue(e.getMessage().startsWith("unknown setting 'colour'; known: auth.max_failed_attempts, "), e.getMessage());
        assertFalse(station.all().containsKey("colour"));
    }

    @Test
    void theBcryptCostRangeEndsAreAccepted() {
        station.set(admin("root"), "auth.bcrypt_cost", "16");
        assertEquals(16, station.auth().bcryptCost());
        station.set(admin("root"), "auth.bcrypt_cost", "10");
        assertEquals(10, station.auth().bcryptCost());
    }

    @Test
    void aRemoteTileSourceStoredBeforeTheHostRuleReadsAsTheOfflineMapUntilTheAdministratorListsTheHost() {
        services.close();
        try (Database db = Database.open(home)) {
            new SettingsStore(db).put("map.tiles", "https://tiles.example/{z}/{x}/{y}.png"); // as an older station stored it
        }
        services = TestHomes.fast(home, new MutableClock(Instant.parse("2026-01-05T09:00:00Z")));
        station = services.stationSettings();
        assertEquals(MapSettings.defaults(), station.map(), "refused tiles read as the offline map, not an error");
        station.set(admin("root"), "map.allowed_hosts", "tiles.example");
        assertEquals("https://tiles.example/{z}/{x}/{y}.png", station.map().urlTemplate());
    }

    @Test
    void selfRegistrationIsOffByDefault() {
        assertFalse(AuthSettings.defaults().selfRegistration());
    }

    /** Every way of changing station settings, as an actor. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("updateAuth", (SettingsChange) (s, a) -> s.updateAuth(a, s.auth().withSelfRegistration(true))),
                Arguments.of("setSelfRegistration", (SettingsChange) (s, a) -> s.setSelfRegistration(a, true)),
                Arguments.of("updateAlerts", (SettingsChange) (s, a) -> s.updateAlerts(a, s.alerts().withConfidenceThreshold(0.2))),
                Arguments.of("updateMap", (SettingsChange) (s, a) -> s.updateMap(a, new MapSettings("https://tiles.example/{z}/{x}/{y}.png", List.of("tiles.example")))),
                Arguments.of("set alert rule", (SettingsChange) (s, a) -> s.set(a, "alert.proximity_m", "10")),
                Arguments.of("set a bad value", (SettingsChange) (s, a) -> s.set(a, "auth.bcrypt_cost", "4")));
    }

    interface SettingsChange {
        void apply(StationSettingsService station, Actor actor);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anAnalystIsRefusedAndNothingChanges(String what, SettingsChange change) {
        Map<String, String> before = station.all();
        var e = assertThrows(NotAllowedException.class, () -> change.apply(station, analyst("bob")));
        assertEquals("Only an administrator can change station settings.", e.getMessage());
        assertEquals(before, station.all());
        assertEquals(AuditEvent.REFUSED, lastAudit().event());
        assertEquals("bob", lastAudit().username());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anAdministratorMayMakeTheSameChanges(String what, SettingsChange change) {
        if (what.equals("set a bad value")) {
            assertThrows(IllegalArgumentException.class, () -> change.apply(station, admin("root")));
            return;
        }
        Map<String, String> before = station.all();
        change.apply(station, admin("root"));
        assertNotEquals(before, station.all());
        assertEquals(AuditEvent.SETTINGS_CHANGED, lastAudit().event());
    }
}
