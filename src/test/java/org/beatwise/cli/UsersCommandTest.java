package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.TestHomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {

    private static final String PASSWORD = "granite-harbour-74";

    @TempDir
    Path home;

    @Test
    void addStoresABcryptCost12HashAndNeverThePassword() throws Exception {
        CliRun add = CliRun.run(home, PASSWORD + "\n", "users", "add", "alice", "--role", "analyst", "--password-stdin");
        assertEquals(0, add.exit(), add.err());
        assertEquals("Added alice as analyst", add.out().strip());

        CliRun list = CliRun.run(home, "", "users", "list", "--json");
        JsonNode users = JsonMappers.output().readTree(list.out());
        assertEquals(1, users.size());
        assertEquals("alice", users.get(0).get("username").asText());
        assertEquals("ANALYST", users.get(0).get("role").asText());
        assertFalse(list.out().contains("$2a$"), "never prints hashes");

        String db = Files.readString(home.resolve("beatwise.mv.db"), StandardCharsets.ISO_8859_1);
        assertTrue(db.contains("$2a$12$"), "a cost-12 bcrypt hash is stored");
        assertFalse(db.contains(PASSWORD));
        assertFalse(CliRun.run(home, "", "audit", "--json").out().contains(PASSWORD));
    }

    @Test
    void weakPasswordExitsOneWithTheRule() {
        CliRun add = CliRun.run(home, "short\n", "users", "add", "bob", "--role", "admin", "--password-stdin");
        assertEquals(1, add.exit());
        assertEquals("beatwise: Password must be at least 12 characters (it has 5).", add.err().strip());
        assertFalse(add.err().contains("Exception"), "no stack trace without --debug");
    }

    @Test
    void unlockAndRemove() throws Exception {
        CliRun.run(home, PASSWORD + "\n", "users", "add", "root", "--role", "admin", "--password-stdin");
        CliRun.run(home, PASSWORD + "\n", "users", "add", "bob", "--role", "analyst", "--password-stdin");
        assertEquals(0, CliRun.run(home, "", "users", "unlock", "bob").exit());
        assertEquals(0, CliRun.run(home, "", "users", "remove", "bob").exit());
        CliRun missing = CliRun.run(home, "", "users", "remove", "bob");
        assertEquals(1, missing.exit());
        assertEquals("beatwise: No user named 'bob'.", missing.err().strip());
        JsonNode audit = JsonMappers.output().readTree(CliRun.run(home, "", "audit", "--limit", "2", "--json").out());
        assertEquals(2, audit.size());
        assertEquals("USER_REMOVED", audit.get(0).get("event").asText());
        assertEquals("UNLOCKED", audit.get(1).get("event").asText());
    }

    @Test
    void wrongCommandOrOptionExitsTwoWithUsage() {
        CliRun bad = CliRun.runRaw("", "frobnicate");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("Usage:"), bad.err());
        assertEquals(2, CliRun.run(home, "", "users", "add", "x", "--role").exit());
        assertEquals(2, CliRun.run(home, "", "audit", "--limit", "many").exit());
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.runRaw("", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("users") && help.out().contains("audit"), help.out());
        CliRun version = CliRun.runRaw("", "--version");
        assertTrue(version.out().startsWith("Beatwise "), version.out());
    }

    @Test
    void launcherRunsCommandsInAFreshJvmWithoutJavaFx() throws Exception {
        // The real launcher main in its own JVM, with no display: it must not touch JavaFX.
        TestHomes.station(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-verbose:class", "org.beatwise.app.Main", "users", "list", "--json", "--home", home.toString()))
                .redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(out.contains("[ ]"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertFalse(out.contains("javafx."), "JavaFX classes were loaded by a CLI command");
        assertTrue(new File(home.toFile(), "beatwise.mv.db").exists());
    }

    @Test
    void theCommandLineActsAsAnAdministratorNamedAfterTheOsUser() throws Exception {
        CliRun.run(home, PASSWORD + "\n", "users", "add", "root", "--role", "admin", "--password-stdin");
        CliRun.run(home, PASSWORD + "\n", "users", "add", "bob", "--role", "analyst", "--password-stdin");
        CliRun role = CliRun.run(home, "", "users", "role", "bob", "admin");
        assertEquals(0, role.exit(), role.err());
        assertEquals("bob is now admin", role.out().strip());
        assertEquals(0, CliRun.run(home, "", "users", "role", "root", "analyst").exit());
        CliRun last = CliRun.run(home, "", "users", "role", "bob", "analyst");
        assertEquals(1, last.exit());
        assertEquals("beatwise: 'bob' is the last administrator and must stay one.", last.err().strip());

        JsonNode audit = JsonMappers.output().readTree(CliRun.run(home, "", "audit", "--json").out());
        String expectedActor = "cli:" + System.getProperty("user.name", "unknown");
        boolean found = false;
        for (JsonNode e : audit) {
            if (e.get("event").asText().equals("ROLE_CHANGED") && e.get("detail").asText().equals("bob from ANALYST to ADMIN")) {
                assertEquals(expectedActor, e.get("username").asText());
                found = true;
            }
        }
        assertTrue(found, audit.toString());
    }
}
