package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beatwise.json.JsonMappers;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.Database;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The station's data home and audit log as the command line meets them. */
class StationCliTest {

    private static final String PASSWORD = "granite-harbour-74";

    @TempDir
    Path dir;

    @Test
    void aHomeWithASemicolonIsRefusedBeforeAnythingIsCreated() {
        Path evil = dir.resolve("x;INIT=CREATE TABLE pwned(id INT)");
        CliRun run = CliRun.runRaw(PASSWORD + "\n", "users", "add", "alice", "--role", "admin", "--password-stdin",
                "--home", evil.toString());
        assertEquals(1, run.exit());
        assertEquals("beatwise: the data home path '" + evil + "' contains ';', which the database would misread; "
                + "choose a folder whose path has no ';' or '\\'", run.err().strip());
        assertFalse(Files.exists(evil));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aHomeWithABackslashIsRefusedWherePathsUseSlashes() {
        Assumptions.assumeTrue(java.io.File.separatorChar == '/');
        Path odd = dir.resolve("a\\b");
        CliRun run = CliRun.runRaw(PASSWORD + "\n", "users", "add", "alice", "--role", "admin", "--password-stdin",
                "--home", odd.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("beatwise: the data home path '" + odd + "' contains '\\'"), run.err());
        assertFalse(Files.exists(odd));
    }

    @ParameterizedTest
    @ValueSource(strings = {"datasets", "models", "audit", "audit verify", "users list", "settings", "alerts",
            "dataset show x", "model export m out.bwmodel"})
    void readingCommandsRefuseADataHomeThatDoesNotExist(String command) {
        Path typo = dir.resolve("statoin");
        CliRun run = CliRun.run(typo, "", command.split(" "));
        assertEquals(1, run.exit(), run.out());
        assertEquals("beatwise: there is no data home at " + typo + " (no beatwise.mv.db there): check --home or "
                + "BEATWISE_HOME; import, generate or 'users add' create a new one", run.err().strip());
        assertFalse(Files.exists(typo), "nothing created for a mistyped --home");
    }

    @Test
    void addingAUserCreatesAPrivateDataHome() throws Exception {
        Path home = dir.resolve("new-station");
        CliRun add = CliRun.run(home, PASSWORD + "\n", "users", "add", "alice", "--role", "admin", "--password-stdin");
        assertEquals(0, add.exit(), add.err());
        assertEquals(0, CliRun.run(home, "", "datasets").exit());

        PosixFileAttributeView posix = Files.getFileAttributeView(home, PosixFileAttributeView.class);
        Assumptions.assumeTrue(posix != null, "this file system has no POSIX permissions");
        assertEquals("rwx------", PosixFilePermissions.toString(posix.readAttributes().permissions()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("models"))));
    }

    @Test
    void anExistingStationsWideFoldersAreNarrowedOnOpening() throws Exception {
        Path home = TestHomes.station(dir.resolve("old-station"));
        Assumptions.assumeTrue(Files.getFileAttributeView(home, PosixFileAttributeView.class) != null);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("models"), PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals(0, CliRun.run(home, "", "datasets").exit());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("models"))));
    }

    @Test
    void auditVerifyNamesTheEntryChangedBehindBeatwisesBack() throws Exception {
        Path home = dir.resolve("home");
        for (String name : List.of("alice", "bob", "carol")) {
            assertEquals(0, CliRun.run(home, PASSWORD + "\n", "users", "add", name, "--role", "analyst", "--password-stdin").exit());
        }
        CliRun ok = CliRun.run(home, "", "audit", "verify");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("All 3 audit entries are intact."), ok.out());

        long bobs;
        try (Services s = Services.open(new DataHome(home))) {
            bobs = s.audit().latest(10).stream().filter(e -> e.detail() != null && e.detail().contains("bob"))
                    .mapToLong(AuditEntry::id).min().orElseThrow();
        }
        try (Connection c = DriverManager.getConnection(Database.urlFor(home), "sa", "");
             PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET detail = ? WHERE id = ?")) {
            ps.setString(1, "nothing happened");
            ps.setLong(2, bobs);
            assertEquals(1, ps.executeUpdate());
        }
        CliRun broken = CliRun.run(home, "", "audit", "verify", "--json");
        assertEquals(1, broken.exit(), broken.err());
        JsonNode v = JsonMappers.output().readTree(broken.out());
        assertFalse(v.get("intact").asBoolean());
        assertEquals(bobs, v.get("broken_id").asLong());
        assertEquals("entry " + bobs + " was changed after it was written", v.get("problem").asText());
    }

    @Test
    void aDatasetExportIsAuditedWithWhoWhatAndWhere() throws Exception {
        Path home = dir.resolve("home");
        try (Services s = new Services(new DataHome(home), Clock.systemUTC())) {
            CrimeDemo.importInto(s, dir);
        }
        Path file = dir.resolve("usb/demo.csv");
        CliRun export = CliRun.run(home, "", "dataset", "export", CrimeDemo.NAME, file.toString());
        assertEquals(0, export.exit(), export.err());
        try (Services s = Services.open(new DataHome(home))) {
            AuditEntry e = s.audit().latest(1).get(0);
            assertEquals(AuditEvent.DATASET_EXPORTED, e.event());
            assertEquals("cli:" + System.getProperty("user.name"), e.username());
            assertTrue(e.detail().startsWith("exported dataset '" + CrimeDemo.NAME + "' ("), e.detail());
            assertTrue(e.detail().endsWith(" incidents) to " + file.toAbsolutePath()), e.detail());
        }
    }

    @Test
    void aSecondProgramWorksOnADataHomeTheAppHolds() throws Exception {
        Path home = TestHomes.station(dir.resolve("held"));
        try (Services held = Services.open(new DataHome(home))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "org.beatwise.app.Main", "datasets", "--home", home.toString())).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), out + err);
            assertEquals("", err.lines().filter(l -> !l.startsWith("SLF4J")).reduce("", String::concat));
        }
    }

    @Test
    void aDataHomeAnOlderBeatwiseHoldsIsRefusedInOneLineNamingTheHolder() throws Exception {
        Path home = TestHomes.station(dir.resolve("held-old"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                org.beatwise.testing.HoldDataHome.class.getName(), home.toString(), "--older")).start();
        try {
            assertEquals("ready", new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8)).readLine());
            CliRun r = CliRun.run(home, "", "datasets");
            assertEquals(1, r.exit(), r.out() + r.err());
            assertEquals("", r.out());
            List<String> lines = r.err().lines().toList();
            assertEquals(1, lines.size(), r.err());
            String line = lines.get(0);
            assertTrue(line.startsWith("beatwise: the data home " + home + " is in use by another Beatwise program (pid "
                    + holder.pid() + ", user "), line);
            assertTrue(line.endsWith("): close that program (an older Beatwise cannot share a data home) or use another --home"), line);
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(2, TimeUnit.MINUTES));
        }
    }
}
