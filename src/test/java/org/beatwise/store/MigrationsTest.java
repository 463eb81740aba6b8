package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.beatwise.domain.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path home;

    @Test
    void emptyDatabaseIsMigratedToTheNewestVersion() {
        Map<Integer, String> available = Migrations.available();
        assertTrue(available.containsKey(1), "V1 must ship: " + available);
        try (Database db = Database.open(home)) {
            assertTrue(Files.exists(home.resolve(Database.FILE_NAME)));
            int version = db.query(Migrations::currentVersion);
            assertEquals(available.keySet().stream().mapToInt(i -> i).max().orElseThrow(), version);
        }
    }

    @Test
    void aDatabaseMigratedByANewerBuildIsRefusedWithAClearLine() {
        int newest = Migrations.available().keySet().stream().mapToInt(i -> i).max().orElseThrow();
        try (Database db = Database.open(home)) {
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    ps.setInt(1, newest + 1);
                    ps.setString(2, "V" + (newest + 1) + "__from_the_future.sql");
                    return ps.executeUpdate();
                }
            });
        }
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> Database.open(home).close());
        assertEquals("this database was upgraded by a newer Beatwise (schema version " + (newest + 1)
                + "; this program knows up to " + newest + "): upgrade this program before using it", e.getMessage());
    }

    @Test
    void existingDatabaseKeepsItsDataWhenReopened() {
        try (Database db = Database.open(home)) {
            new UserStore(db).insert("Alice", "$2a$04$hash", Role.ADMIN, Role.ANALYST, Instant.EPOCH);
        }
        try (Database db = Database.open(home)) {
            assertEquals(1, new UserStore(db).count());
            int applied = db.query(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version WHERE version = 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(1, applied, "a migration runs once");
        }
    }

    @Test
    void aMissingVersionIsAppliedEvenWhenANewerOneRan() {
        // A station that has V5 but never got V4 (built from a branch without it): reopening adds V4
        // and keeps the data it had.
        try (Database db = Database.open(home)) {
            new UserStore(db).insert("Alice", "$2a$04$hash", Role.ADMIN, Role.ANALYST, Instant.EPOCH);
            db.query(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE hotspot_sets");
                    return st.executeUpdate("DELETE FROM schema_version WHERE version = 4");
                }
            });
        }
        try (Database db = Database.open(home)) {
            assertEquals(1, new UserStore(db).count());
            boolean tableBack = db.query(c -> {
                try (ResultSet rs = c.getMetaData().getTables(null, null, "HOTSPOT_SETS", null)) {
                    return rs.next();
                }
            });
            assertTrue(tableBack, "V4 applied again");
            assertEquals(Migrations.available().keySet(), db.query(Migrations::appliedVersions));
        }
    }

    @Test
    void queriesAreParameterisedSoQuotesAreData() {
        try (Database db = Database.open(home)) {
            UserStore users = new UserStore(db);
            users.insert("o'brien", "$2a$04$hash", Role.ADMIN, Role.ANALYST, Instant.EPOCH);
            assertTrue(users.find("O'Brien").isPresent());
            assertFalse(users.find("x' OR '1'='1").isPresent());
        }
    }
}
