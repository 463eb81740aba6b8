package org.beatwise.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beatwise.auth.TokenCheck;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.json.JsonMappers;
import org.beatwise.settings.ApiSettings;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditWriter;
import org.beatwise.wiring.Services;

/**
 * The local HTTP API on the JDK's own {@code com.sun.net.httpserver}: no dependency, and enough for JSON on
 * a loopback or closed-network port. Requests run on a bounded pool (a flood queues, then slows the
 * accepting thread, instead of growing threads); {@link #stop(Duration)} lets requests in flight finish.
 *
 * <p>Every call but the public ones (health, the OpenAPI document) must carry a bearer token, is held to
 * the token's rate limit and is written to the audit log with the user, the route and the status, committed
 * before the answer goes out (group commits: {@link AuditWriter}). An address whose calls keep being refused
 * for their token gets 429 before any token is looked at. The JDK server's own time limits
 * ({@link ServerLimits}) close connections that stall.
 * Errors are JSON ({@link ApiError}); bad input is a 4xx naming the field, never a 500 or a stack trace.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    private static final int QUEUE = 256;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final Services services;
    private final ApiRoutes routes;
    private final RateLimiter<Long> limiter;
    // refused (401) calls per remote address: a guard against guessing tokens
    private final RateLimiter<InetAddress> failures;
    // the audit entries of every call, written in group commits before each answer goes out
    private final AuditWriter audit;
    private final Map<String, Map<String, Route>> byPath = new HashMap<>();
    // Requests being answered, so stop() waits for exactly them: the JDK 17 HttpServer.stop(delay) waits
    // the whole delay even when nothing runs, and then cuts off whatever still does.
    private final Object inFlightLock = new Object();
    private int inFlight;
    private volatile boolean stopping;

    private ApiServer(HttpServer http, ThreadPoolExecutor pool, Services services, ApiSettings settings, Clock clock) {
        this.http = http;
        this.pool = pool;
        this.services = services;
        this.routes = new ApiRoutes(services);
        this.limiter = new RateLimiter<>(settings.ratePerSecond(), settings.burst(), clock);
        this.failures = new RateLimiter<>(settings.failedAuthPerMinute() / 60.0, settings.failedAuthBurst(), clock);
        this.audit = new AuditWriter(services.audit(), "beatwise-api-audit");
        for (Route r : routes.all()) {
            byPath.computeIfAbsent(r.path(), p -> new HashMap<>()).put(r.method(), r);
        }
    }

    /**
     * Starts listening on the settings' address and port (0: any free port). Whether the address may
     * be other than loopback is the caller's decision ({@link ApiService}); this only binds where told.
     *
     * @param threads request threads; requests beyond them queue
     */
    public static ApiServer start(Services services, ApiSettings settings, Clock clock, int threads) throws IOException {
        // Without TCP_NODELAY the JDK server's separate writes of headers and body meet the client's delayed
        // ACK, and concurrent clients wait about 40 ms per answer. The server reads this once, at first use.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        ServerLimits.apply(settings);
        HttpServer http = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 64);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "beatwise-api-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        ApiServer server = new ApiServer(http, pool, services, settings, clock);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        http.start();
        return server;
    }

    /** Where it listens, with the port actually bound. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /**
     * Stops accepting connections, waits up to {@code grace} for requests in flight to finish, then
     * closes.
     */
    public void stop(Duration grace) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (inFlightLock) {
            try {
                for (long left = grace.toMillis(); inFlight > 0 && left > 0;
                     left = (deadline - System.nanoTime()) / 1_000_000) {
                    inFlightLock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        http.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // every entry handed over is written before the server counts as stopped
        audit.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(2));
    }

    /** The routes, for the OpenAPI test. */
    List<Route> routes() {
        return routes.all();
    }

    private void handle(HttpExchange ex) {
        synchronized (inFlightLock) {
            inFlight++;
        }
        try {
            answer(ex);
        } finally {
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }

    private void answer(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        Actor actor = null;
        Route route = null;
        int status;
        Object body;
        String problem = null;
        try {
            if (stopping) {
                throw new ApiException(503, null, "the API is stopping");
            }
            Map<String, Route> methods = byPath.get(path);
            if (methods == null) {
                throw new ApiException(404, null, "no such endpoint: " + shorten(path) + " (see " + ApiRoutes.BASE
                        + "/openapi.json)");
            }
            route = methods.get(method);
            if (route == null) {
                ex.getResponseHeaders().add("Allow", String.join(", ", methods.keySet()));
                throw new ApiException(405, null, method.length() > 10 ? "method not allowed"
                        : method + " is not allowed on " + path + "; use " + String.join(" or ", methods.keySet()));
            }
            if (route.access() != Route.Access.PUBLIC) {
                TokenCheck check = authenticateFrom(ex);
                actor = check.actor();
                long wait = limiter.acquire(check.tokenId());
                if (wait > 0) {
                    ex.getResponseHeaders().add("Retry-After", Long.toString(wait));
                    throw new ApiException(429, null, "this token's rate limit is used up; try again in " + wait + " s");
                }
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            long declared = declaredLength(ex);
            body = route.handler().handle(new Route.Call(actor, query,
                    () -> BoundedBody.read(ex.getRequestBody(), declared, BoundedBody.MAX_BYTES)));
            status = 200;
        } catch (ApiException e) {
            status = e.status();
            problem = e.getMessage();
            body = ApiError.of(status, e.getMessage(), e.field());
        } catch (NotAllowedException e) {
            status = 403;
            problem = e.getMessage();
            body = ApiError.of(status, e.getMessage(), null);
        } catch (IOException e) {
            // the client went away or sent a broken body: nothing to answer, but it is recorded
            status = 400;
            problem = "request could not be read: " + e.getMessage();
            body = ApiError.of(status, "the request could not be read", "body");
        } catch (RuntimeException e) {
            status = 500;
            String ref = Long.toString(System.nanoTime(), 36);
            problem = "internal error " + ref;
            LOG.log(Level.SEVERE, "API " + method + " " + path + " failed (reference " + ref + ")", e);
            body = ApiError.of(status, "internal error (reference " + ref + " in the station's log)", null);
        }
        byte[] bytes = encode(body);
        if (bytes == null) {
            status = 500;
            problem = "the answer could not be written";
            bytes = UNWRITABLE;
        }
        try {
            // Written before the answer goes out, so a client that has its answer finds the call in the log.
            if (route == null || route.access() != Route.Access.PUBLIC) {
                audit(actor, method, path, status, problem);
            }
            send(ex, status, bytes);
        } finally {
            ex.close();
        }
    }

    /**
     * The caller's token, unless its address has used up its refused calls: then 429 before the token is
     * even looked at, so guessing gets no answer either way until the address waits.
     */
    private TokenCheck authenticateFrom(HttpExchange ex) {
        InetAddress from = ex.getRemoteAddress().getAddress();
        long blocked = failures.waitFor(from);
        if (blocked > 0) {
            throw tooManyFailures(ex, blocked);
        }
        try {
            return authenticate(ex);
        } catch (ApiException e) {
            long wait = failures.acquire(from);
            if (wait > 0) {
                throw tooManyFailures(ex, wait);
            }
            throw e;
        }
    }

    private static ApiException tooManyFailures(HttpExchange ex, long wait) {
        ex.getResponseHeaders().add("Retry-After", Long.toString(wait));
        return new ApiException(429, null, "too many calls from this address were refused for a missing or wrong "
                + "token; try again in " + wait + " s");
    }

    private TokenCheck authenticate(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            throw new ApiException(401, null, "a bearer token is required: send 'Authorization: Bearer <token>' "
                    + "(make one with 'beatwise token create --user NAME')");
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            throw new ApiException(401, null, "the Authorization header must be 'Bearer <token>'");
        }
        TokenCheck check = services.tokens().check(h.substring(7).strip());
        if (!check.accepted()) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, null, check.problem());
        }
        return check;
    }

    private void audit(Actor actor, String method, String path, int status, String problem) {
        try {
            audit.record(actor == null ? null : actor.name(), AuditEvent.API_CALL,
                    shorten(method) + " " + shorten(path) + " -> " + status + (problem == null ? "" : " (" + problem + ")"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot audit an API call", e);
        }
    }

    private static long declaredLength(HttpExchange ex) {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            return len == null ? -1 : Long.parseLong(len.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badField("body", "Content-Length is not a number");
        }
    }

    /** Query parameters, decoded; the first of a repeated name wins. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField(shorten(k), "query parameter '" + shorten(k) + "' is not URL-encoded properly");
            }
        }
        return out;
    }

    private static final byte[] UNWRITABLE = "{\"error\":\"internal_error\",\"message\":\"the answer could not be written\",\"field\":null}"
            .getBytes(StandardCharsets.UTF_8);

    /** The answer as JSON, or null when it cannot be written (logged). */
    private static byte[] encode(Object body) {
        try {
            return JsonMappers.output().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            LOG.log(Level.SEVERE, "cannot write an API answer", e);
            return null;
        }
    }

    private static void send(HttpExchange ex, int status, byte[] bytes) {
        try {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | IllegalStateException e) {
            // the client closed the connection, or headers were already sent: nothing more to say
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
