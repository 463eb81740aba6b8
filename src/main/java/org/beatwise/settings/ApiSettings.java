package org.beatwise.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local HTTP API: off by default. Validated on construction; messages name the key and the value.
 *
 * @param enabled whether the desktop app runs the API while it is open
 * @param port TCP port, 1–65535 (0 only for tests and the bench: any free port)
 * @param bind the address to listen on, as an IP literal ({@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0}) or
 *             {@code localhost}; never a host name, whose look-up could reach the network
 * @param ratePerSecond requests each token may make per second on average
 * @param burst requests a token may make at once before the rate applies
 * @param failedAuthPerMinute calls refused with 401 that one remote address may make per minute on average
 *                            (a guard against guessing tokens); past that, its calls get 429 until it waits
 * @param failedAuthBurst refused calls an address may make at once before that rate applies
 * @param requestTimeoutSeconds how long a client may take to send a whole request (a connection that sends
 *                              nothing, or dribbles its headers or body, is closed after it)
 * @param responseTimeoutSeconds how long answering one request may take, from its last byte read to the last
 *                               byte of the answer written (a client that does not read its answer is cut off)
 */
public record ApiSettings(boolean enabled, int port, String bind, double ratePerSecond, int burst,
                          int failedAuthPerMinute, int failedAuthBurst, int requestTimeoutSeconds,
                          int responseTimeoutSeconds) {

    public static final String PREFIX = "api.";
    public static final int DEFAULT_PORT = 8600;
    public static final String LOOPBACK = "127.0.0.1";

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public ApiSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(PREFIX + "port must be between 1 and 65535 (0: any free port), was " + port);
        }
        bind = bind == null ? "" : bind.strip().toLowerCase(Locale.ROOT);
        if (!(bind.equals("localhost") || IPV4.matcher(bind).matches() || isIpv6Literal(bind))) {
            throw new IllegalArgumentException(PREFIX + "bind must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0 "
                    + "(or localhost), was '" + bind + "'");
        }
        if (!(ratePerSecond > 0 && ratePerSecond <= 100_000)) {
            throw new IllegalArgumentException(PREFIX + "rate_per_second must be above 0 and at most 100000, was " + ratePerSecond);
        }
        if (burst < 1 || burst > 100_000) {
            throw new IllegalArgumentException(PREFIX + "burst must be between 1 and 100000, was " + burst);
        }
        if (failedAuthPerMinute < 1 || failedAuthPerMinute > 100_000) {
            throw new IllegalArgumentException(PREFIX + "failed_auth_per_minute must be between 1 and 100000, was "
                    + failedAuthPerMinute);
        }
        if (failedAuthBurst < 1 || failedAuthBurst > 100_000) {
            throw new IllegalArgumentException(PREFIX + "failed_auth_burst must be between 1 and 100000, was " + failedAuthBurst);
        }
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 3600) {
            throw new IllegalArgumentException(PREFIX + "request_timeout_s must be between 1 and 3600, was " + requestTimeoutSeconds);
        }
        if (responseTimeoutSeconds < 1 || responseTimeoutSeconds > 3600) {
            throw new IllegalArgumentException(PREFIX + "response_timeout_s must be between 1 and 3600, was "
                    + responseTimeoutSeconds);
        }
    }

    /** Parsing a literal with a ':' never looks a name up: Java reads it as an IPv6 address or refuses it. */
    private static boolean isIpv6Literal(String text) {
        if (!IPV6.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The address to listen on, without a name look-up ({@code localhost} is 127.0.0.1). */
    public InetAddress address() {
        try {
            return InetAddress.getByName(bind.equals("localhost") ? LOOPBACK : bind);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("checked when constructed: " + bind, e);
        }
    }

    /**
     * Off, on 127.0.0.1:8600, 20 requests a second per token with bursts of 40; 10 refused (401) calls a minute
     * per address with bursts of 20; 10 s to send a request, 60 s to answer it.
     */
    public static ApiSettings defaults() {
        return new ApiSettings(false, DEFAULT_PORT, LOOPBACK, 20, 40, 10, 20, 10, 60);
    }

    public ApiSettings withEnabled(boolean on) {
        return new ApiSettings(on, port, bind, ratePerSecond, burst, failedAuthPerMinute, failedAuthBurst,
                requestTimeoutSeconds, responseTimeoutSeconds);
    }

    public ApiSettings withAddress(String newBind, int newPort) {
        return new ApiSettings(enabled, newPort, newBind, ratePerSecond, burst, failedAuthPerMinute, failedAuthBurst,
                requestTimeoutSeconds, responseTimeoutSeconds);
    }

    public ApiSettings withRate(double perSecond, int newBurst) {
        return new ApiSettings(enabled, port, bind, perSecond, newBurst, failedAuthPerMinute, failedAuthBurst,
                requestTimeoutSeconds, responseTimeoutSeconds);
    }

    public ApiSettings withFailedAuthLimit(int perMinute, int newBurst) {
        return new ApiSettings(enabled, port, bind, ratePerSecond, burst, perMinute, newBurst, requestTimeoutSeconds,
                responseTimeoutSeconds);
    }

    public ApiSettings withTimeouts(int requestSeconds, int responseSeconds) {
        return new ApiSettings(enabled, port, bind, ratePerSecond, burst, failedAuthPerMinute, failedAuthBurst,
                requestSeconds, responseSeconds);
    }

    /** Whether {@link #bind} reaches only this machine (127.0.0.0/8, ::1 or localhost). */
    public boolean loopbackOnly() {
        return address().isLoopbackAddress();
    }

    /** Reads the settings, taking the default for every missing key. */
    public static ApiSettings of(Map<String, String> p) {
        FlatKeys keys = new FlatKeys(p, PREFIX);
        ApiSettings d = defaults();
        return new ApiSettings(keys.getBoolean("enabled", d.enabled()), keys.getInt("port", d.port()),
                keys.getString("bind", d.bind()), keys.getDouble("rate_per_second", d.ratePerSecond()),
                keys.getInt("burst", d.burst()), keys.getInt("failed_auth_per_minute", d.failedAuthPerMinute()),
                keys.getInt("failed_auth_burst", d.failedAuthBurst()), keys.getInt("request_timeout_s", d.requestTimeoutSeconds()),
                keys.getInt("response_timeout_s", d.responseTimeoutSeconds()));
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "enabled", Boolean.toString(enabled));
        p.put(PREFIX + "port", Integer.toString(port));
        p.put(PREFIX + "bind", bind);
        p.put(PREFIX + "rate_per_second", Double.toString(ratePerSecond));
        p.put(PREFIX + "burst", Integer.toString(burst));
        p.put(PREFIX + "failed_auth_per_minute", Integer.toString(failedAuthPerMinute));
        p.put(PREFIX + "failed_auth_burst", Integer.toString(failedAuthBurst));
        p.put(PREFIX + "request_timeout_s", Integer.toString(requestTimeoutSeconds));
        p.put(PREFIX + "response_timeout_s", Integer.toString(responseTimeoutSeconds));
        return p;
    }
}
