package org.beatwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class BareResponderTest {

    @Test
    void readsEachRequestsHeadAndBodyLengthOffOneConnection() throws IOException {
        String two = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /b HTTP/1.1\r\ncontent-length:0\r\n\r\n";
        InputStream in = new ByteArrayInputStream(two.getBytes(StandardCharsets.US_ASCII));
        assertEquals(5, BareResponder.readHead(in));
        in.skipNBytes(5);
        assertEquals(0, BareResponder.readHead(in));
        assertEquals(-1, BareResponder.readHead(in), "the end of the stream");
    }

    @Test
    void refusesAHeadWithoutEnd() {
        InputStream endless = new ByteArrayInputStream(("GET / HTTP/1.1\r\nX: " + "a".repeat(20_000)).getBytes(StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> BareResponder.readHead(endless));
    }

    @Test
    void theBenchClientGetsAnAnswerToEveryRequestOnKeptConnections() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (BareResponder bare = new BareResponder()) {
            URI uri = URI.create("http://127.0.0.1:" + bare.port() + "/api/v1/predict");
            List<String> bodies = ApiBenchPart.bodies("m", 42, 8);
            assertEquals(200, ApiBenchPart.drive(http, uri, "t", bodies, 4, 200, pool).length,
                    "every request answered 200 (drive fails on any other status)");
            HttpResponse<String> one = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"ok\":true}", one.body());
        } finally {
            pool.shutdownNow();
        }
    }
}
