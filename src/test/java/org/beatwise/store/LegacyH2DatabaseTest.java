package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.beatwise.domain.Role;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.task.Progress;
import org.beatwise.testing.TestIncidents;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station whose database was built by the H2-only scripts V1 to V6 as they shipped before they were
 * made portable (kept in test resources, legacy-migrations/): it opens, nothing is applied again, and
 * every store still works on it.
 */
class LegacyH2DatabaseTest {

    private static final List<String> LEGACY = List.of("V1__users_audit_settings.sql", "V2__datasets.sql",
            "V4__hotspot_sets.sql", "V5__alerts.sql", "V6__audit_chain.sql");

    @TempDir
    Path dir;

    @Test
    void aDatabaseBuiltByTheOldScriptsKeepsWorking() throws Exception {
        Path home = dir.resolve("old-station");
        assertTrue(legacy(LEGACY.get(0)).contains("AUTO_INCREMENT"), "the kept scripts are the H2-only ones");
        assertFalse(Migrations.available().values().stream().anyMatch(s -> legacyVersionChangedAndStillH2Only(s)));
        try (Connection c = DriverManager.getConnection(Database.urlFor(home), "sa", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                for (String script : LEGACY) {
                    for (String statement : legacy(script).split(";\\s*(\\R|$)")) {
                        String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                        if (!sql.isEmpty()) {
                            st.execute(sql);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                        ps.setInt(1, Integer.parseInt(script.substring(1, script.indexOf("__"))));
                        ps.setString(2, script);
                        ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        ps.executeUpdate();
                    }
                }
                st.execute("INSERT INTO users (username, username_key, password_hash, role, created_at) "
                        + "VALUES ('Old', 'old', '$2a$04$hash', 'ADMIN', CURRENT_TIMESTAMP)");
            }
        }

        try (Services s = new Services(new DataHome(home), Clock.systemUTC())) {
            try (Database db = Database.open(home)) {
                assertEquals(Migrations.available().keySet(), db.query(Migrations::appliedVersions));
            }
            assertEquals(Role.ADMIN, s.auth().users().get(0).role());
            Path csv = TestIncidents.writeCsv(dir.resolve("rows.csv"), TestIncidents.crimeTypes(200));
            s.imports().importFiles("old", new ImportRequest(List.of(csv), "rows", ImportOptions.defaults(), false), Progress.NONE);
            assertEquals(200, s.datasets().incidents("rows").size());
            s.stationSettings().set(org.beatwise.testing.Actors.admin("old"), "alert.repeat_minutes", "30");
            s.stationSettings().set(org.beatwise.testing.Actors.admin("old"), "alert.repeat_minutes", "45");
            assertEquals(45, s.stationSettings().alerts().repeatMinutes());
            assertTrue(s.audit().verify().intact());
        }
    }

    // a shipped script that still uses H2-only syntax: the portable rewrite must have removed it all
    private static boolean legacyVersionChangedAndStillH2Only(String script) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(Migrations.LOCATION + "/" + script)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.contains("AUTO_INCREMENT") || sql.contains("CLOB") || sql.contains("TINYINT") || sql.contains("MERGE ");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String legacy(String script) throws IOException {
        try (InputStream in = LegacyH2DatabaseTest.class.getClassLoader().getResourceAsStream("legacy-migrations/" + script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
