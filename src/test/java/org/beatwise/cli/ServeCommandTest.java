package org.beatwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatwise.domain.Role;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.Actors;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as a real process: it answers until SIGTERM, then stops gracefully and says so in the audit log. */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/api/v1");

    @TempDir
    Path dir;

    @Test
    void servesUntilSigtermThenStopsAndAuditsTheStop() throws Exception {
        Path home = TestHomes.station(dir.resolve("station"));
        String token;
        try (Services s = TestHomes.fast(home, java.time.Clock.systemUTC())) {
            s.auth().addUser(Actors.admin("test"), "erin", "correct horse battery", Role.ANALYST);
            token = s.tokens().create(Actors.admin("test"), "erin", Duration.ofDays(1), null).secret();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "org.beatwise.app.Main",
                "serve", "--port", "0", "--home", home.toString())).redirectErrorStream(true).start();
        int port;
        try {
            p.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                m = LISTENING.matcher(line);
                if (m.find()) {
                    break;
                }
                m = null;
            }
            assertNotNull(m, "serve never said where it listens");
            port = Integer.parseInt(m.group(1));
            HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/models")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, models.statusCode(), models.body());
        } finally {
            p.destroy(); // SIGTERM, as a service manager stops it
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }
        try (Services s = Services.open(new DataHome(home))) {
            List<AuditEntry> latest = s.audit().latest(5);
            assertTrue(latest.stream().anyMatch(e -> e.event() == AuditEvent.API_SERVER
                    && e.detail().equals("stopped on 127.0.0.1:" + port)), latest.toString());
            assertTrue(latest.stream().anyMatch(e -> e.event() == AuditEvent.API_CALL && "erin".equals(e.username())
                    && e.detail().equals("GET /api/v1/models -> 200")), latest.toString());
            assertTrue(latest.stream().anyMatch(e -> e.event() == AuditEvent.API_SERVER
                    && e.detail().startsWith("started on 127.0.0.1:" + port + " (this machine only)")), latest.toString());
        }
    }
}
