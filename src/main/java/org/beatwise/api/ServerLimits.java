package org.beatwise.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.beatwise.settings.ApiSettings;

/**
 * The JDK {@code HttpServer}'s own limits, which it reads from system properties once, when the first server
 * of the JVM is made (JDK 17's {@code sun.net.httpserver.ServerConfig}):
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime} (s): a request whose headers and body have not all arrived in
 *       this time has its connection closed; a request thread blocked reading a dribbling client is freed.
 *       A connection that sends nothing at all is closed after the smaller of this and {@code idleInterval}.</li>
 *   <li>{@code sun.net.httpserver.maxRspTime} (s): from the request's last byte to the answer's last byte.</li>
 *   <li>{@code sun.net.httpserver.timerMillis} (ms): how often the two above are checked (JDK default 1000);
 *       {@code sun.net.httpserver.clockTick} (ms): how often idle and silent connections are checked (JDK
 *       default 10000, set to 1000 here so a silent connection goes within a second of its limit).</li>
 *   <li>{@code sun.net.httpserver.maxReqHeaders} (JDK default 200) and {@code maxReqHeaderSize} (bytes, JDK
 *       default 380 KB): a request with more is refused; the API needs a handful of small headers.</li>
 * </ul>
 * Without {@code maxReqTime} (the JDK default) a client could hold a request thread for ever. A property
 * already given on the command line ({@code -Dsun.net.httpserver.maxReqTime=...}) wins. Because the JDK
 * reads them once, settings changed while the program runs apply at its next start (a warning says so).
 */
final class ServerLimits {

    static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";
    static final String CLOCK_TICK = "sun.net.httpserver.clockTick";
    static final String MAX_REQ_HEADERS = "sun.net.httpserver.maxReqHeaders";
    static final String MAX_REQ_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
    static final int HEADERS = 64;
    static final int HEADER_BYTES = 16 * 1024;
    static final int CLOCK_TICK_MS = 1000;

    private static final Logger LOG = Logger.getLogger(ServerLimits.class.getName());
    private static Map<String, String> applied;

    private ServerLimits() { }

    /** Sets the properties from the settings unless given already; the first call in a JVM is the one that counts. */
    static synchronized void apply(ApiSettings settings) {
        Map<String, String> wanted = wanted(settings);
        if (applied == null) {
            wanted.forEach((k, v) -> {
                if (System.getProperty(k) == null) {
                    System.setProperty(k, v);
                }
            });
            applied = wanted;
        } else if (!applied.equals(wanted)) {
            LOG.warning("the API's request and response time limits changed to " + wanted + "; they apply when "
                    + "Beatwise next starts (the JDK's server reads them once), until then " + applied);
        }
    }

    static Map<String, String> wanted(ApiSettings settings) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(MAX_REQ_TIME, Integer.toString(settings.requestTimeoutSeconds()));
        p.put(MAX_RSP_TIME, Integer.toString(settings.responseTimeoutSeconds()));
        p.put(CLOCK_TICK, Integer.toString(CLOCK_TICK_MS));
        p.put(MAX_REQ_HEADERS, Integer.toString(HEADERS));
        p.put(MAX_REQ_HEADER_SIZE, Integer.toString(HEADER_BYTES));
        return p;
    }
}
