package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.TestIncidents;
import org.beatwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's --db: two data homes on one PostgreSQL database share what one imports. */
class SharedDatabaseCliTest {

    @TempDir
    Path dir;

    @Test
    void anImportThroughOneStationIsListedByAnother() {
        try (TestPostgres.Schema schema = TestPostgres.schema()) {
            Path csv = TestIncidents.writeCsv(dir.resolve("shared.csv"), TestIncidents.crimeTypes(400));
            CliRun imported = CliRun.run(dir.resolve("first"), "", "import", csv.toString(), "--dataset", "shared",
                    "--db", schema.url());
            assertEquals(0, imported.exit(), imported.err());

            CliRun listed = CliRun.run(dir.resolve("second"), "", "datasets", "--json", "--db", schema.url());
            assertEquals(0, listed.exit(), listed.err());
            assertTrue(listed.out().contains("\"shared\"") && listed.out().contains("400"), listed.out());
        }
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedInOneLine() {
        CliRun r = CliRun.run(dir.resolve("home"), "", "datasets", "--db", "jdbc:postgresql://127.0.0.1:1/x?password=hunter2");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("beatwise: the database URL from --db carries a password"), r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }
}
