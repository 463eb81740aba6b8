package org.beatwise.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
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

    private final Services services;
    private final Clock clock;
    private ApiServer running;
    private String runningAs;

    public ApiService(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
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
        services.audit().record(actor.name(), AuditEvent.API_SERVER, "started on " + describe(at)
                + (settings.loopbackOnly() ? " (this machine only)" : " (REACHABLE FROM OTHER MACHINES)")
                + String.format(Locale.ROOT, ", rate %.1f/s burst %d per token", settings.ratePerSecond(), settings.burst()));
        return at;
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
