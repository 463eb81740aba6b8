package org.beatwise.api;

import static org.beatwise.api.ApiStation.get;
import static org.beatwise.api.ApiStation.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beatwise.export.TableFormat;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.json.JsonMappers;
import org.beatwise.settings.ApiSettings;
import org.beatwise.store.AlertRecord;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.testing.Actors;
import org.beatwise.testing.CliRun;
import org.beatwise.testing.MutableClock;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free loopback port, driven by the JDK's HTTP client, on a station built by the real CLI. */
class ApiServerTest {

    @TempDir
    static Path home;
    @TempDir
    static Path work;

    static final String PREDICT = "{\"hour\": 21, \"dow\": \"FRI\", \"month\": 7, \"lat\": 42.28, \"lon\": -71.09, \"model\": \"m1\"}";
    static final String[] CLI_PREDICT = {"predict", "--model", "m1", "--hour", "21", "--dow", "FRI", "--month", "7",
            "--lat", "42.28", "--lon", "-71.09", "--json"};

    static MutableClock clock;
    static Services services;
    static ApiServer server;
    static URI base;
    static HttpClient http;
    static String cliPredict;
    static String adminToken;
    static String analystToken;

    @BeforeAll
    static void start() throws Exception {
        ApiStation.build(home, work);
        // The CLI opens and shuts the database itself, so it runs before the server's services open it.
        cliPredict = ApiStation.ok(CliRun.run(home, "", CLI_PREDICT)).out();
        clock = ApiStation.clock();
        services = ApiStation.open(home, clock);
        adminToken = services.tokens().create(Actors.admin("test"), ApiStation.ADMIN, Duration.ofDays(30), "tests").secret();
        analystToken = services.tokens().create(Actors.admin("test"), ApiStation.ANALYST, Duration.ofDays(30), null).secret();
        server = ApiServer.start(services, ApiSettings.defaults().withAddress("127.0.0.1", 0).withRate(1000, 1000), clock, 4);
        base = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
        http = ApiStation.client();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ZERO);
        services.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JsonMappers.stored().readTree(r.body());
    }

    /** Status, JSON error body naming the field (or no field), and never a stack trace. */
    static JsonNode error(HttpResponse<String> r, int status, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertFalse(body.path("message").asText().isBlank(), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("org.beatwise"), r.body());
        if (field != null) {
            assertEquals(field, body.path("field").asText(null), r.body());
        }
        return body;
    }

    @Test
    void predictAnswersTheCliDocumentPlusTheAlertsItRaised() throws Exception {
        HttpResponse<String> r = post(http, base, "api/v1/predict", analystToken, PREDICT);
        assertEquals(200, r.statusCode(), r.body());
        ObjectNode api = (ObjectNode) json(r);
        assertTrue(api.get("alerts").isArray(), r.body());
        api.remove("alerts");
        assertEquals(JsonMappers.stored().readTree(cliPredict), api);
    }

    @Test
    void predictInsideAHotspotRaisesAndStoresAProximityAlertForTheTokensUser() throws Exception {
        Hotspot h = services.hotspots().load(ApiStation.SET).orElseThrow().result().hotspots().get(0);
        String body = String.format(Locale.ROOT, "{\"hour\": 3, \"dow\": 2, \"month\": 1, \"lat\": %.7f, \"lon\": %.7f, "
                + "\"model\": \"m1\", \"set\": \"hs\"}", h.lat(), h.lon());
        HttpResponse<String> r = post(http, base, "api/v1/predict", analystToken, body);
        assertEquals(200, r.statusCode(), r.body());
        List<Long> proximity = new ArrayList<>();
        for (JsonNode a : json(r).get("alerts")) {
            assertEquals(ApiStation.ANALYST, a.get("username").asText());
            if (a.get("rule").asText().equals("PROXIMITY")) {
                proximity.add(a.get("id").asLong());
            }
        }
        assertEquals(1, proximity.size(), r.body());
        List<AlertRecord> stored = services.alerts().list(null, ApiStation.ANALYST, null, 100);
        assertTrue(stored.stream().anyMatch(a -> a.id() == proximity.get(0) && a.hotspotSet().equals("hs")
                && a.modelName().equals("m1")), stored.toString());
        // the same place again within the repeat window: the app stays quiet, and so does the API
        JsonNode again = json(post(http, base, "api/v1/predict", analystToken, body));
        for (JsonNode a : again.get("alerts")) {
            assertFalse(a.get("rule").asText().equals("PROXIMITY"), again.toString());
        }
    }

    @Test
    void hotspotsAreTheStoredSetAsTheFileExportWritesIt() throws Exception {
        HttpResponse<String> r = get(http, base, "api/v1/hotspots?set=hs", analystToken);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode fc = json(r);
        HotspotSet set = services.hotspots().load(ApiStation.SET).orElseThrow();
        assertFalse(set.result().hotspots().isEmpty());
        Path file = work.resolve("hs-export.geojson");
        services.exports().hotspots(Actors.admin("test"), ApiStation.SET, TableFormat.GEOJSON, file, true);
        assertEquals(JsonMappers.stored().readTree(file.toFile()), fc);
        // circles as polygons, then their centres as points, each carrying the set's figures
        int circles = set.result().hotspots().size();
        assertEquals(2 * circles, fc.get("features").size());
        for (int i = 0; i < circles; i++) {
            Hotspot h = set.result().hotspots().get(i);
            JsonNode centre = fc.get("features").get(circles + i);
            assertEquals("Point", centre.at("/geometry/type").asText());
            assertEquals(h.lon(), centre.at("/geometry/coordinates/0").asDouble(), 1e-6);
            assertEquals(h.lat(), centre.at("/geometry/coordinates/1").asDouble(), 1e-6);
            assertEquals(h.radiusM(), centre.at("/properties/radius_m").asDouble());
            assertEquals(h.rank(), centre.at("/properties/rank").asInt());
            assertEquals(h.count(), centre.at("/properties/count").asInt());
            assertEquals("Polygon", fc.get("features").get(i).at("/geometry/type").asText());
        }
    }

    @Test
    void noTokenOrAnUnknownOneIs401WithAJsonBody() throws Exception {
        error(post(http, base, "api/v1/predict", null, PREDICT), 401, null);
        error(get(http, base, "api/v1/models", "bw_" + "A".repeat(43)), 401, null);
        error(get(http, base, "api/v1/models", "not-a-token"), 401, null);
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(base.resolve("api/v1/models"))
                .header("Authorization", "Basic YWxpY2U6eA==").build(), HttpResponse.BodyHandlers.ofString());
        error(basic, 401, null);
    }

    @Test
    void anAnalystTokenOnAnAdministratorRouteIs403AndAnAdministratorsIsAnswered() throws Exception {
        JsonNode refused = error(get(http, base, "api/v1/tokens", analystToken), 403, null);
        assertEquals("forbidden", refused.get("error").asText());
        HttpResponse<String> ok = get(http, base, "api/v1/tokens", adminToken);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(json(ok).size() >= 2);
        assertFalse(ok.body().contains(adminToken) || ok.body().contains(analystToken), "a listing never shows a token");
    }

    @Test
    void aRevokedTokenIs401AtOnce() throws Exception {
        var issued = services.tokens().create(Actors.admin("test"), ApiStation.ANALYST, Duration.ofDays(1), "to revoke");
        assertEquals(200, get(http, base, "api/v1/models", issued.secret()).statusCode());
        assertTrue(services.tokens().revoke(Actors.admin("test"), issued.token().id()));
        JsonNode body = error(get(http, base, "api/v1/models", issued.secret()), 401, null);
        assertTrue(body.get("message").asText().contains("revoked"), body.toString());
    }

    @Test
    void aTokenIsRevokedOverTheApiByItsUserOrAnAdministratorOnly() throws Exception {
        var own = services.tokens().create(Actors.admin("test"), ApiStation.ANALYST, Duration.ofDays(1), "own");
        var admins = services.tokens().create(Actors.admin("test"), ApiStation.ADMIN, Duration.ofDays(1), "admin's");
        error(post(http, base, "api/v1/tokens/revoke", own.secret(), "{\"id\": " + admins.token().id() + "}"), 403, null);
        error(post(http, base, "api/v1/tokens/revoke", own.secret(), "{\"id\": 999999}"), 404, "id");
        error(post(http, base, "api/v1/tokens/revoke", own.secret(), "{\"id\": \"one\"}"), 400, "id");
        HttpResponse<String> r = post(http, base, "api/v1/tokens/revoke", own.secret(), "{\"id\": " + own.token().id() + "}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r).get("revoked").asBoolean());
        error(get(http, base, "api/v1/models", own.secret()), 401, null);
        assertEquals(200, get(http, base, "api/v1/models", admins.secret()).statusCode());
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        var issued = services.tokens().create(Actors.admin("test"), ApiStation.ANALYST, Duration.ofMinutes(5), null);
        assertEquals(200, get(http, base, "api/v1/models", issued.secret()).statusCode());
        clock.advance(Duration.ofMinutes(5));
        JsonNode body = error(get(http, base, "api/v1/models", issued.secret()), 401, null);
        assertTrue(body.get("message").asText().contains("expired"), body.toString());
    }

    @Test
    void anOversizedBodyIs413WithAJsonMessage() throws Exception {
        String big = "{\"hour\": 1, \"pad\": \"" + "x".repeat(BoundedBody.MAX_BYTES) + "\"}";
        error(post(http, base, "api/v1/predict", analystToken, big), 413, "body");
        // chunked, with no length to refuse early: the bounded read still stops it
        HttpRequest chunked = HttpRequest.newBuilder(base.resolve("api/v1/predict"))
                .header("Authorization", "Bearer " + analystToken)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
        error(http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "body");
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{\"hour\": \"nine\", \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1}", "hour"),
                Map.entry("{\"hour\": 9.5, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1}", "hour"),
                Map.entry("{\"hour\": 24, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1}", "hour"),
                Map.entry("{\"hour\": 9, \"dow\": \"FUNDAY\", \"month\": 7, \"lat\": 42.3, \"lon\": -71.1}", "dow"),
                Map.entry("{\"hour\": 9, \"dow\": 8, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1}", "dow"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"lat\": 42.3, \"lon\": -71.1}", "month"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": \"north\", \"lon\": -71.1}", "lat"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": 91, \"lon\": -71.1}", "lat"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": [1]}", "lon"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1, \"model\": 7}", "model"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1, \"model\": \"../x\"}", "model"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1, \"set\": false}", "set"),
                Map.entry("{\"hour\": 9, ", "body"),
                Map.entry("[1, 2]", "body"),
                Map.entry("[".repeat(5000) + "]".repeat(5000), "body"),
                Map.entry("{\"hour\": 99999999999999999999, \"dow\": 5, \"month\": 7, \"lat\": 42.3, \"lon\": -71.1}", "hour"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": 1e400, \"lon\": -71.1}", "lat"),
                Map.entry("{\"hour\": 9, \"dow\": 5, \"month\": 7, \"lat\": NaN, \"lon\": -71.1}", "body"),
                Map.entry("", "body"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            JsonNode body = error(post(http, base, "api/v1/predict", analystToken, c.getKey()), 400, c.getValue());
            assertEquals("bad_request", body.get("error").asText(), c.getKey());
        }
        error(get(http, base, "api/v1/alerts?since=yesterday", analystToken), 400, "since");
        error(get(http, base, "api/v1/alerts?limit=0", analystToken), 400, "limit");
        error(get(http, base, "api/v1/alerts?rule=loud", analystToken), 400, "rule");
        error(get(http, base, "api/v1/hotspots", analystToken), 400, "set");
    }

    @Test
    void anUnknownModelOrSetIs404NamingIt() throws Exception {
        error(post(http, base, "api/v1/predict", analystToken, PREDICT.replace("\"m1\"", "\"nope\"")), 404, "model");
        error(post(http, base, "api/v1/predict", analystToken, PREDICT.replace("}", ", \"set\": \"nope\"}")), 404, "set");
        error(get(http, base, "api/v1/hotspots?set=nope", analystToken), 404, "set");
        error(get(http, base, "api/v1/nothing-here", analystToken), 404, null);
        error(http.send(HttpRequest.newBuilder(base.resolve("api/v1/predict")).header("Authorization", "Bearer " + analystToken)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()), 405, null);
    }

    @Test
    void alertsSinceADateAreTheStoredAlertsFromThen() throws Exception {
        HttpResponse<String> r = get(http, base, "api/v1/alerts?since=2000-01-01&limit=1000", analystToken);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(services.alerts().list(null, null, null, 1000).size(), json(r).size());
        HttpResponse<String> none = get(http, base, "api/v1/alerts?since=2100-01-01T00:00:00Z", analystToken);
        assertEquals(0, json(none).size(), none.body());
    }

    @Test
    void modelsAreTheCliListing() throws Exception {
        HttpResponse<String> r = get(http, base, "api/v1/models", analystToken);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JsonMappers.stored().readTree(JsonMappers.output().writeValueAsString(services.models().list())), json(r));
    }

    @Test
    void everyCallIsAuditedWithItsUserAndRoute() throws Exception {
        get(http, base, "api/v1/models", analystToken);
        error(get(http, base, "api/v1/tokens", analystToken), 403, null);
        error(get(http, base, "api/v1/models", null), 401, null);
        List<AuditEntry> latest = services.audit().latest(10).stream().filter(e -> e.event() == AuditEvent.API_CALL).toList();
        assertTrue(latest.stream().anyMatch(e -> ApiStation.ANALYST.equals(e.username())
                && e.detail().startsWith("GET /api/v1/models -> 200")), latest.toString());
        assertTrue(latest.stream().anyMatch(e -> ApiStation.ANALYST.equals(e.username())
                && e.detail().startsWith("GET /api/v1/tokens -> 403")), latest.toString());
        assertTrue(latest.stream().anyMatch(e -> e.username() == null
                && e.detail().startsWith("GET /api/v1/models -> 401")), latest.toString());
    }

    @Test
    void healthIsOpenAndEveryRouteIsInTheOpenApiDocumentAndAnswered() throws Exception {
        HttpResponse<String> health = get(http, base, "api/v1/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", json(health).get("status").asText());
        HttpResponse<String> r = get(http, base, "api/v1/openapi.json", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode doc = json(r);
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        int documented = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                documented++;
                assertTrue(server.routes().stream().anyMatch(rt -> rt.path().equals(p.getKey()) && rt.method().equals(method)),
                        method + " " + p.getKey() + " is documented but not routed");
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(p.getKey().substring(1)))
                        .header("Authorization", "Bearer " + adminToken)
                        .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(PREDICT)
                                : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(answer.statusCode() != 404 && answer.statusCode() != 405, method + " " + p.getKey() + ": " + answer.body());
                JsonNode op = p.getValue().get(method.toLowerCase(Locale.ROOT));
                assertNotNull(op.at("/responses/" + answer.statusCode()), "status " + answer.statusCode() + " undocumented");
                assertFalse(op.at("/responses/" + answer.statusCode()).isMissingNode(), method + " " + p.getKey());
            }
        }
        assertEquals(server.routes().size(), documented, "every route is documented once");
        for (Route rt : server.routes()) {
            assertFalse(doc.at("/paths/" + rt.path().replace("/", "~1") + "/" + rt.method().toLowerCase(Locale.ROOT))
                    .isMissingNode(), rt.method() + " " + rt.path() + " is routed but not documented");
            for (Route.Param p : rt.params()) {
                assertTrue(doc.at("/paths/" + rt.path().replace("/", "~1") + "/" + rt.method().toLowerCase(Locale.ROOT)
                        + "/parameters").toString().contains("\"" + p.name() + "\""), p.name());
            }
        }
    }

    @Test
    void eachTokenHasItsOwnBucketAndWaitsWhenItIsEmpty() throws Exception {
        ApiServer limited = ApiServer.start(services, ApiSettings.defaults().withAddress("127.0.0.1", 0).withRate(1, 2), clock, 2);
        try {
            URI at = URI.create("http://127.0.0.1:" + limited.address().getPort() + "/");
            assertEquals(200, get(http, at, "api/v1/models", analystToken).statusCode());
            assertEquals(200, get(http, at, "api/v1/models", analystToken).statusCode());
            HttpResponse<String> refused = get(http, at, "api/v1/models", analystToken);
            error(refused, 429, null);
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
            assertEquals(200, get(http, at, "api/v1/models", adminToken).statusCode(), "another token has its own bucket");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(200, get(http, at, "api/v1/models", analystToken).statusCode(), "a second later one more is allowed");
            error(get(http, at, "api/v1/models", analystToken), 429, null);
        } finally {
            limited.stop(Duration.ZERO);
        }
    }

    @Test
    void anAddressThatKeepsSendingBadTokensGets429UntilItWaitsEvenWithAGoodOne() throws Exception {
        // 6 refused calls a minute (one every 10 s), 3 at once
        ApiServer guarded = ApiServer.start(services, ApiSettings.defaults().withAddress("127.0.0.1", 0)
                .withFailedAuthLimit(6, 3), clock, 2);
        try {
            URI at = URI.create("http://127.0.0.1:" + guarded.address().getPort() + "/");
            String wrong = "bw_" + "A".repeat(43);
            error(get(http, at, "api/v1/models", wrong), 401, null);
            error(get(http, at, "api/v1/models", null), 401, null);
            error(post(http, at, "api/v1/predict", "not-a-token", PREDICT), 401, null);
            HttpResponse<String> refused = get(http, at, "api/v1/models", wrong);
            JsonNode body = error(refused, 429, null);
            assertEquals("too_many_requests", body.get("error").asText(), body.toString());
            assertTrue(body.get("message").asText().contains("refused"), body.toString());
            assertEquals("10", refused.headers().firstValue("Retry-After").orElse(""));
            // while the address waits, not even a good token is looked at: guessing learns nothing
            error(get(http, at, "api/v1/models", analystToken), 429, null);
            assertEquals(200, get(http, at, "api/v1/health", null).statusCode(), "public routes need no token");
            List<AuditEntry> latest = services.audit().latest(3);
            assertTrue(latest.stream().anyMatch(e -> e.username() == null && e.detail().startsWith("GET /api/v1/models -> 429")),
                    latest.toString());
            clock.advance(Duration.ofSeconds(10));
            assertEquals(200, get(http, at, "api/v1/models", analystToken).statusCode(), "after waiting, a good token works");
            error(get(http, at, "api/v1/models", wrong), 401, null);
            error(get(http, at, "api/v1/models", wrong), 429, null);
        } finally {
            guarded.stop(Duration.ZERO);
        }
    }

    @Test
    void theBenchDriverSendsEveryRequestAndTimesEachAnswer() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<String> bodies = ApiBenchPart.bodies(ApiStation.MODEL, 42, 16);
            assertEquals(bodies, ApiBenchPart.bodies(ApiStation.MODEL, 42, 16), "the same seed, the same requests");
            double[] ms = ApiBenchPart.drive(http, base.resolve("api/v1/predict"), adminToken, bodies, 4, 40, pool);
            assertEquals(40, ms.length);
            assertTrue(java.util.Arrays.stream(ms).allMatch(x -> x > 0));
            assertTrue(ApiBenchPart.percentile(ms, 0.5) <= ApiBenchPart.percentile(ms, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theServerListensOnlyOnTheLoopbackAddressItWasGiven() throws Exception {
        List<java.net.InetAddress> listening = ListeningSockets.at(server.address().getPort());
        assertEquals(List.of(java.net.InetAddress.getByName("127.0.0.1")), listening,
                "one listening socket, on 127.0.0.1 only (not the wildcard, not another interface)");
    }
}
