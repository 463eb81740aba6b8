package org.beatwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatwise.testing.Actors;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that open a connection and then send nothing, or only part of a request, against {@code serve} as a
 * real process (the JDK server reads its time limits once per JVM, so this one gets its own): each is closed
 * after the station's {@code api.request_timeout_s}, and the server answers others meanwhile.
 */
class ApiSlowClientTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/api/v1");
    // far above the 1 s limit and the JDK's 1 s checks, far below "for ever"
    private static final int BOUND_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void silentAndDribblingConnectionsAreClosedWhileOthersAreAnswered() throws Exception {
        Path home = TestHomes.station(dir.resolve("station"));
        try (Services s = TestHomes.fast(home, Clock.systemUTC())) {
            s.stationSettings().set(Actors.admin("test"), "api.request_timeout_s", "1");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "org.beatwise.app.Main",
                "serve", "--port", "0", "--home", home.toString())).redirectErrorStream(true).start();
        List<Socket> slow = new ArrayList<>();
        try {
            p.getOutputStream().close();
            int port = port(p);
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", port);
            // more stalled requests than the server has request threads (ApiService.THREADS)
            for (int i = 0; i < ApiService.THREADS + 2; i++) {
                slow.add(open(at, "POST /api/v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"hour\": "));
            }
            slow.add(open(at, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0."));
            slow.add(open(at, ""));

            HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/health")).timeout(Duration.ofMillis(BOUND_MS)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "another client is answered");

            for (Socket socket : slow) {
                assertTrue(closedByServer(socket), "the server closed the stalled connection " + slow.indexOf(socket));
            }
            assertTrue(p.isAlive());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            p.destroy();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "serve stops on SIGTERM");
        }
    }

    private static Socket open(InetSocketAddress at, String partial) throws IOException {
        Socket socket = new Socket();
        socket.connect(at, BOUND_MS);
        socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads until the server ends the connection (true) or the bound passes with it still open (false). */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(BOUND_MS);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[1024];
        try {
            while (in.read(buf) >= 0) {
                // an error answer may come first; the end of the stream is what counts
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        }
    }

    private static int port(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        assertNotNull(null, "serve never said where it listens");
        return -1;
    }
}
