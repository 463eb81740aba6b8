package org.beatwise.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.domain.Role;
import org.beatwise.settings.ApiSettings;
import org.beatwise.store.AuditEvent;
import org.beatwise.wiring.Services;

/**
 * Starts and stops the local HTTP API for the {@code serve} command and the desktop app's switch. Only an
 * administrator may start or stop it (checked here, whatever the screen shows). Listening on anything
 * but loopback must be asked for explicitly, and is written to the audit log as reachable from other
 * machines.
 */
public final class ApiService implements AutoCloseable {

    /** How long requests in flight may take to finish when the API stops. */
    public static final Duration GRACE = Duration.ofSeconds(5);
    static final int THREADS = 8;
    /** Who the audit log names when the app starts the API because the switch was left on. */
    static final String STATION_SETTINGS = "station settings (api.enabled)";

    // One API per data home in this process: it has one port, whichever pane or window asks.
    private static final Map<Services, ApiService> SHARED = new ConcurrentHashMap<>();

    private final Services services;
    private final Clock clock;
    private ApiServer running;
    private String runningAs;
    // told where the API listens (empty: stopped) each time it starts or stops, on the thread that did it
    private final List<Consumer<Optional<InetSocketAddress>>> watchers = new CopyOnWriteArrayList<>();

    public ApiService(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The desktop app's API for these services, made on first use. */
    public static ApiService shared(Services services) {
        return SHARED.computeIfAbsent(services, s -> new ApiService(s, s.clock()));
    }

    /** The app is closing: its API, if any, stops before the services close. */
    public static void closeShared(Services services) {
        ApiService api = SHARED.remove(services);
        if (api != null) {
            api.close();
        }
    }

    /**
     * The station settings' switch: an administrator turns the API on (it starts at once, at the saved
     * {@code api.bind} and {@code api.port}, and the switch is saved only once it listens) or off (it
     * stops, requests in flight finishing, and the switch is saved).
     *
     * @return where it listens, or empty when switched off
     * @throws NotAllowedException for anyone but an administrator
     */
    public synchronized Optional<InetSocketAddress> setEnabled(Actor actor, boolean on) {
        ApiSettings settings = services.stationSettings().api();
        if (!on) {
            stop(actor);
            services.stationSettings().updateApi(actor, settings.withEnabled(false));
            return Optional.empty();
        }
        InetSocketAddress at = running != null ? running.address() : start(actor, settings, true);
        services.stationSettings().updateApi(actor, settings.withEnabled(true));
        return Optional.of(at);
    }

    /**
     * At the app's start: runs the API when an administrator left the switch on. The saved setting is the
     * administrator's decision (only they can save it), so it starts in the name of the station settings.
     *
     * @return where it listens, or empty when the switch is off
     */
    public synchronized Optional<InetSocketAddress> startIfEnabled() {
        ApiSettings settings = services.stationSettings().api();
        if (!settings.enabled() || running != null) {
            return address();
        }
        return Optional.of(start(new Actor(STATION_SETTINGS, Role.ADMIN), settings, true));
    }

    /** Whether the station settings' switch is on. */
    public boolean enabled() {
        return services.stationSettings().api().enabled();
    }

    /**
     * Starts the API where {@code settings} say.
     *
     * @param bindAskedFor whether the address was given explicitly (a {@code --bind} option, or the station
     *                     setting an administrator saved); without it only loopback is allowed
     * @return where it listens
     * @throws NotAllowedException for anyone but an administrator
     * @throws IllegalStateException when it is already running
     */
    public synchronized InetSocketAddress start(Actor actor, ApiSettings settings, boolean bindAskedFor) {
        if (!actor.isAdmin()) {
            NotAllowedException refused = NotAllowedException.adminOnly("start the HTTP API");
            services.audit().record(actor.name(), AuditEvent.REFUSED, refused.getMessage());
            throw refused;
        }
        if (running != null) {
            throw new IllegalStateException("the HTTP API is already running on " + describe(running.address()));
        }
        if (!settings.loopbackOnly() && !bindAskedFor) {
            throw new IllegalArgumentException("listening on " + settings.bind() + " reaches other machines: ask for it "
                    + "explicitly with --bind " + settings.bind());
        }
        try {
            running = ApiServer.start(services, settings, clock, THREADS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        runningAs = actor.name();
        InetSocketAddress at = running.address();
        tellWatchers();
        services.audit().record(actor.name(), AuditEvent.API_SERVER, "started on " + describe(at)
                + (settings.loopbackOnly() ? " (this machine only)" : " (REACHABLE FROM OTHER MACHINES)")
                + String.format(Locale.ROOT, ", rate %.1f/s burst %d per token", settings.ratePerSecond(), settings.burst()));
        return at;
    }

    /**
     * Tells {@code watcher} where the API listens (empty when it stops) each time it starts or stops, on
     * the thread that started or stopped it; it should hand the news on and return at once.
     *
     * @return what stops the watching
     */
    public Runnable watch(Consumer<Optional<InetSocketAddress>> watcher) {
        Objects.requireNonNull(watcher);
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    private void tellWatchers() {
        Optional<InetSocketAddress> at = address();
        watchers.forEach(w -> w.accept(at));
    }

    /** Where the API listens, when it runs. */
    public synchronized Optional<InetSocketAddress> address() {
        return running == null ? Optional.empty() : Optional.of(running.address());
    }

    /**
     * Stops the API, letting requests in flight finish (up to {@link #GRACE}).
     *
     * @return false when it was not running
     */
    public synchronized boolean stop(Actor actor) {
        if (!actor.isAdmin()) {
            NotAllowedException refused = NotAllowedException.adminOnly("stop the HTTP API");
            services.audit().record(actor.name(), AuditEvent.REFUSED, refused.getMessage());
            throw refused;
        }
        return stopAs(actor.name());
    }

    private boolean stopAs(String who) {
        if (running == null) {
            return false;
        }
        InetSocketAddress at = running.address();
        running.stop(GRACE);
        running = null;
        tellWatchers();
        services.audit().record(who, AuditEvent.API_SERVER, "stopped on " + describe(at));
        return true;
    }

    /** The app or the command is closing: the API stops with it, as whoever started it. */
    @Override
    public synchronized void close() {
        stopAs(runningAs);
    }

    public static String describe(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
