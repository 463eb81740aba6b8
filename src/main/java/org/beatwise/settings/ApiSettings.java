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
 */
public record ApiSettings(boolean enabled, int port, String bind, double ratePerSecond, int burst) {

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

    /** Off, on 127.0.0.1:8600, 20 requests a second per token with bursts of 40. */
    public static ApiSettings defaults() {
        return new ApiSettings(false, DEFAULT_PORT, LOOPBACK, 20, 40);
    }

    public ApiSettings withEnabled(boolean on) {
        return new ApiSettings(on, port, bind, ratePerSecond, burst);
    }

    public ApiSettings withAddress(String newBind, int newPort) {
        return new ApiSettings(enabled, newPort, newBind, ratePerSecond, burst);
    }

    public ApiSettings withRate(double perSecond, int newBurst) {
        return new ApiSettings(enabled, port, bind, perSecond, newBurst);
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
                keys.getInt("burst", d.burst()));
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "enabled", Boolean.toString(enabled));
        p.put(PREFIX + "port", Integer.toString(port));
        p.put(PREFIX + "bind", bind);
        p.put(PREFIX + "rate_per_second", Double.toString(ratePerSecond));
        p.put(PREFIX + "burst", Integer.toString(burst));
        return p;
    }
}
