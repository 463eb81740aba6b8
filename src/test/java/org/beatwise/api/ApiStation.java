package org.beatwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.beatwise.domain.Role;
import org.beatwise.testing.Actors;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;

/**
 * A station for the API tests, built through the real command line: the demo dataset, model {@value #MODEL}
 * and K-Means hotspot set {@value #SET}; then users {@value #ADMIN} (administrator) and {@value #ANALYST}
 * on services with a clock the tests move.
 */
final class ApiStation {

    static final String MODEL = "m1";
    static final String SET = "hs";
    static final String ADMIN = "alice";
    static final String ANALYST = "bob";
    static final String PASSWORD = "correct horse battery";

    private ApiStation() { }

    /** Imports, trains and finds hotspots in {@code home} through the command line. */
    static void build(Path home, Path work) {
        ok(CliRun.run(home, "", "import", CrimeDemo.csv(work).toString(), "--dataset", CrimeDemo.NAME));
        ok(CliRun.run(home, "", "train", "--dataset", CrimeDemo.NAME, "--name", MODEL, "--trees", "10",
                "--min-class-size", "20"));
        ok(CliRun.run(home, "", "hotspots", "--dataset", CrimeDemo.NAME, "--k", "3", "--method", "kmeans", "--name", SET));
    }

    static CliRun ok(CliRun run) {
        assertEquals(0, run.exit(), run.err());
        return run;
    }

    /** Services on the station with fast bcrypt and the two users. */
    static Services open(Path home, MutableClock clock) {
        Services s = TestHomes.fast(home, clock);
        if (s.auth().users().isEmpty()) {
            s.auth().addUser(Actors.admin("test"), ADMIN, PASSWORD, Role.ADMIN);
            s.auth().addUser(Actors.admin("test"), ANALYST, PASSWORD, Role.ANALYST);
        }
        return s;
    }

    static MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    }

    static HttpClient client() {
        // The tests' NetworkGuard is the default proxy selector; loopback goes direct.
        return HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    }

    static HttpResponse<String> get(HttpClient http, URI base, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, URI base, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
