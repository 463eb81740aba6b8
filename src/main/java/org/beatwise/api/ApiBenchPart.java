package org.beatwise.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.beatwise.bench.BenchOptions;
import org.beatwise.bench.BenchPart;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;
import org.beatwise.importing.ImportResult;
import org.beatwise.model.TrainingSettings;
import org.beatwise.settings.ApiSettings;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/**
 * {@code bench --api}: the HTTP API's speed as a client sees it. A throw-away data home gets the demo
 * dataset and a model trained with the default settings (never the station's own data, audit log or
 * tokens); the API starts on a free loopback port and the JDK's HTTP client sends {@code POST /predict}
 * from 1, 16 and 64 concurrent clients: p50 and p99 latency (ms) and requests per second at each. Every
 * request does what a real one does: token check, rate limit, prediction, alert rules, audit entry.
 * Beside them, {@code api_floor_*}: the same client and requests against a {@link BareResponder}, which
 * answers without doing anything, so a reader sees how much of each figure is the client's own.
 */
public final class ApiBenchPart implements BenchPart {

    static final int[] CLIENTS = {1, 16, 64};
    static final int REQUESTS = 4_000;
    static final int WARM_UP = 1_000;
    private static final String USER = "bench";

    private final int requests;
    private final int warmUp;
    private final int[] clients;

    public ApiBenchPart() {
        this(REQUESTS, WARM_UP, CLIENTS);
    }

    ApiBenchPart(int requests, int warmUp, int... clients) {
        this.requests = requests;
        this.warmUp = warmUp;
        this.clients = clients.clone();
    }

    @Override
    public void measure(BenchOptions options, Progress progress, Map<String, Object> figures) throws Exception {
        Path dir = Files.createTempDirectory("beatwise-bench-api");
        try (Services services = new Services(new DataHome(dir.resolve("home")), Clock.systemUTC())) {
            progress.update(0, 1, "api: demo data and a default model in a throw-away data home");
            ImportResult demo = services.imports().loadDemo(USER, progress.slice(0, 0.2));
            String model = services.models().train(USER, demo.dataset(), "bench-api", TrainingSettings.defaults(),
                    progress.slice(0.2, 0.5)).metadata().name();
            Actor admin = new Actor(USER, Role.ADMIN);
            // a long random password: the account exists only in this throw-away home
            String password = "throwaway-home-" + java.util.UUID.randomUUID();
            services.auth().addUser(admin, USER, password, Role.ADMIN);
            String token = services.tokens().create(admin, USER, Duration.ofHours(1), "bench").secret();
            ApiSettings settings = ApiSettings.defaults().withAddress(ApiSettings.LOOPBACK, 0).withRate(100_000, 100_000);
            ApiServer server = ApiServer.start(services, settings, services.clock(), ApiService.THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(max(clients));
            try {
                URI uri = URI.create("http://" + ApiService.describe(server.address()) + ApiRoutes.BASE + "/predict");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
                List<String> bodies = bodies(model, options.seed(), 512);
                progress.update(0, 1, "api: warming up with " + warmUp + " requests");
                drive(http, uri, token, bodies, Math.min(16, max(clients)), warmUp, pool);
                measureEach(http, uri, token, bodies, pool, "api_predict_c", progress.slice(0.5, 0.8), figures);
                // the same client and requests against a responder that does nothing: the floor under the figures above
                try (BareResponder bare = new BareResponder()) {
                    URI floor = URI.create("http://127.0.0.1:" + bare.port() + ApiRoutes.BASE + "/predict");
                    drive(http, floor, token, bodies, Math.min(16, max(clients)), warmUp, pool);
                    measureEach(http, floor, token, bodies, pool, "api_floor_c", progress.slice(0.8, 1), figures);
                }
            } finally {
                pool.shutdownNow();
                server.stop(Duration.ZERO);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * At each number of clients, {@link #requests} requests: p50 and p99 latency (ms) and requests per
     * second, as {@code <prefix><clients>_p50_ms} and so on.
     */
    private void measureEach(HttpClient http, URI uri, String token, List<String> bodies, ExecutorService pool, String prefix,
                             Progress progress, Map<String, Object> figures) throws Exception {
        for (int i = 0; i < clients.length; i++) {
            progress.checkCancelled();
            int c = clients[i];
            progress.update(i, clients.length, "api: " + requests + " requests from " + c + " clients (" + prefix + c + ")");
            long started = System.nanoTime();
            double[] ms = drive(http, uri, token, bodies, c, requests, pool);
            double seconds = (System.nanoTime() - started) / 1e9;
            figures.put(prefix + c + "_p50_ms", round(percentile(ms, 0.50)));
            figures.put(prefix + c + "_p99_ms", round(percentile(ms, 0.99)));
            figures.put(prefix + c + "_rps", Math.round(ms.length / seconds));
        }
    }

    /** Prediction requests over Boston's bounding box at every hour, day and month, from the seed. */
    static List<String> bodies(String model, long seed, int n) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format(Locale.ROOT, "{\"hour\": %d, \"dow\": %d, \"month\": %d, \"lat\": %.6f, \"lon\": %.6f, "
                    + "\"model\": \"%s\"}", r.nextInt(24), 1 + r.nextInt(7), 1 + r.nextInt(12), 42.23 + r.nextDouble() * 0.16,
                    -71.18 + r.nextDouble() * 0.19, model));
        }
        return out;
    }

    /** {@code total} requests shared by {@code clients} threads, each waiting for its answer; milliseconds each. */
    static double[] drive(HttpClient http, URI uri, String token, List<String> bodies, int clients, int total,
                          ExecutorService pool) throws Exception {
        List<Future<double[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int from = (int) ((long) total * c / clients);
            int to = (int) ((long) total * (c + 1) / clients);
            Callable<double[]> client = () -> {
                double[] ms = new double[to - from];
                for (int i = from; i < to; i++) {
                    HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    long t = System.nanoTime();
                    HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    ms[i - from] = (System.nanoTime() - t) / 1e6;
                    if (res.statusCode() != 200) {
                        throw new IOException("the API answered " + res.statusCode() + ": "
                                + new String(res.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                return ms;
            };
            parts.add(pool.submit(client));
        }
        double[] all = new double[0];
        for (Future<double[]> f : parts) {
            double[] part = f.get();
            double[] joined = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, joined, all.length, part.length);
            all = joined;
        }
        return all;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int max(int[] xs) {
        return Arrays.stream(xs).max().orElse(1);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
