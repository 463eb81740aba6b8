package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.beatwise.json.JsonMappers;
import org.beatwise.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** token create, list and revoke through the real command line. */
class TokenCommandTest {

    @TempDir
    Path home;

    CliRun run(String... args) {
        return CliRun.run(home, "", args);
    }

    @Test
    void aTokenIsPrintedOnceListedWithoutItAndRevoked() throws Exception {
        CliRun add = CliRun.run(home, "correct horse battery\n", "users", "add", "dana", "--role", "analyst", "--password-stdin");
        assertEquals(0, add.exit(), add.err());
        CliRun created = run("token", "create", "--user", "dana", "--expires", "12h", "--label", "dispatch", "--json");
        assertEquals(0, created.exit(), created.err());
        JsonNode doc = JsonMappers.stored().readTree(created.out());
        String secret = doc.get("secret").asText();
        assertTrue(secret.startsWith("bw_"), created.out());
        Instant made = Instant.parse(doc.at("/token/created_at").asText());
        assertEquals(made.plus(Duration.ofHours(12)), Instant.parse(doc.at("/token/expires_at").asText()));

        CliRun list = run("token", "list");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("dana") && list.out().contains("active") && list.out().contains("dispatch"), list.out());
        assertFalse(list.out().contains(secret) || run("token", "list", "--json").out().contains(secret));

        long id = doc.at("/token/id").asLong();
        CliRun revoked = run("token", "revoke", Long.toString(id));
        assertEquals(0, revoked.exit(), revoked.err());
        assertTrue(run("token", "list").out().contains("revoked"));
        assertTrue(run("token", "revoke", Long.toString(id)).out().contains("already revoked"));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        CliRun add = CliRun.run(home, "correct horse battery\n", "users", "add", "dana", "--role", "analyst", "--password-stdin");
        assertEquals(0, add.exit(), add.err());
        CliRun badExpiry = run("token", "create", "--user", "dana", "--expires", "soon");
        assertEquals(1, badExpiry.exit());
        assertTrue(badExpiry.err().contains("--expires") && badExpiry.err().contains("soon"), badExpiry.err());
        CliRun noUser = run("token", "create", "--user", "nobody");
        assertEquals(1, noUser.exit());
        assertTrue(noUser.err().contains("nobody"), noUser.err());
        CliRun noToken = run("token", "revoke", "42");
        assertEquals(1, noToken.exit());
        assertTrue(noToken.err().contains("42"), noToken.err());
    }
}
