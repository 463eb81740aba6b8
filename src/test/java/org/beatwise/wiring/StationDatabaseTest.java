package org.beatwise.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which database a station uses, and where its password may come from. */
class StationDatabaseTest {

    private static final String PG = "jdbc:postgresql://db.example:5432/beatwise";

    @TempDir
    Path dir;

    @Test
    void optionBeatsEnvironmentBeatsTheHomesFileBeatsH2() throws Exception {
        DataHome home = new DataHome(dir);
        assertFalse(StationDatabase.resolve(null, Map.of(), home).shared());
        Files.writeString(dir.resolve(StationDatabase.URL_FILE), PG + "?sslmode=verify-full\n");
        assertEquals(PG + "?sslmode=verify-full", StationDatabase.resolve(null, Map.of(), home).url());
        assertEquals(PG + "2", StationDatabase.resolve(null, Map.of(StationDatabase.ENV, PG + "2"), home).url());
        assertEquals(PG + "3", StationDatabase.resolve(PG + "3", Map.of(StationDatabase.ENV, PG + "2"), home).url());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithWhereToPutIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StationDatabase.resolve(PG + "?user=bw&Password=s3cret", Map.of(), new DataHome(dir)));
        assertTrue(e.getMessage().contains("--db") && e.getMessage().contains(StationDatabase.PASSWORD_ENV), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), "the message must not repeat the password");
    }

    @Test
    void anH2OrUnknownUrlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StationDatabase.resolve("jdbc:h2:file:/tmp/x", Map.of(), new DataHome(dir)));
        assertThrows(IllegalArgumentException.class, () -> StationDatabase.resolve("postgres://x/y", Map.of(), new DataHome(dir)));
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrAnOwnerOnlyFile() throws Exception {
        DataHome home = new DataHome(dir);
        assertNull(StationDatabase.password(home, Map.of()));
        Path file = dir.resolve(StationDatabase.PASSWORD_FILE);
        Files.writeString(file, "from-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StationDatabase.password(home, Map.of()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("from-file"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals("from-file", StationDatabase.password(home, Map.of()));
        assertEquals("from-env", StationDatabase.password(home, Map.of(StationDatabase.PASSWORD_ENV, "from-env")));
    }
}
