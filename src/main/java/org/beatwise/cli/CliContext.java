package org.beatwise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;
import org.beatwise.json.JsonMappers;
import org.beatwise.task.Progress;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.beatwise.wiring.StationDatabase;

/**
 * What every command needs: the streams, the data home and, opened on first use, the services.
 * Commands print results to {@link #out()}, progress and warnings to {@link #err()}.
 */
public final class CliContext implements AutoCloseable {

    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private String homeOption;
    private String dbOption;
    private boolean debug;
    private boolean mayCreateHome;
    private Services services;

    CliContext(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    void homeOption(String home) {
        this.homeOption = home;
    }

    void dbOption(String url) {
        this.dbOption = url;
    }

    /** The {@code --db} option as given, or null. */
    public String dbOption() {
        return dbOption;
    }

    void debug(boolean on) {
        this.debug = on;
    }

    boolean debug() {
        return debug;
    }

    /** Whether the command may create a data home that does not exist (see {@link CreatingCommands}). */
    void mayCreateHome(boolean may) {
        this.mayCreateHome = may;
    }

    /** The {@code --home} option as given, or null. */
    public String homeOption() {
        return homeOption;
    }

    public DataHome home() {
        return DataHome.resolve(homeOption, env);
    }

    public Services services() {
        if (services == null) {
            DataHome home = home();
            StationDatabase database = StationDatabase.resolve(dbOption, env, home);
            if (!database.shared() && !mayCreateHome && !home.exists()) {
                throw new IllegalArgumentException("there is no data home at " + home.dir() + " (no "
                        + home.databaseFile().getFileName() + " there): check --home or " + DataHome.ENV
                        + "; import, generate or 'users add' create a new one");
            }
            services = new Services(home, database, env, Clock.systemUTC());
        }
        return services;
    }

    public BufferedReader in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Who the command acts as in the audit log: the operating-system account of the station admin. */
    public String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /**
     * The actor the services see: an administrator. Whoever can write the data home can change anything
     * in it without Beatwise, so the command line is trusted as the station's administrator.
     */
    public Actor admin() {
        return new Actor(actor(), Role.ADMIN);
    }

    /** Progress on stderr, a line per step of at least 5 % so logs stay readable. */
    public Progress progress() {
        return new Progress() {
            private long lastPercent = -5;

            @Override
            public void update(long done, long total, String message) {
                long percent = total > 0 ? done * 100 / total : -1;
                if (percent < 0 || percent >= lastPercent + 5 || done == total) {
                    lastPercent = percent;
                    err.println(percent >= 0 ? "[" + percent + "%] " + message : message);
                    err.flush();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Prints {@code value} as the single JSON document, or {@code text} for people. */
    public void print(boolean json, Object value, String text) {
        out.println(json ? toJson(value) : text);
    }

    private static String toJson(Object value) {
        try {
            return JsonMappers.output().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        if (out != null) {
            out.flush();
            err.flush();
        }
    }
}
