package org.beatwise.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests: the JDBC URL in {@code BEATWISE_TEST_PG} (a throw-away cluster,
 * as {@code .ci/run} starts). Each {@link #schema()} is a new, empty schema, so tests never see each
 * other's tables. Without the variable a test is skipped with the reason, except under {@code CI=true},
 * where it fails: CI must never pass by skipping the PostgreSQL half.
 */
public final class TestPostgres {

    public static final String ENV = "BEATWISE_TEST_PG";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestPostgres() { }

    /** The server's URL; skips (or fails under CI) when none is configured. */
    public static String url() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            String reason = ENV + " is not set: no PostgreSQL server to test against (start one as .ci/run does, "
                    + "then export " + ENV + "=jdbc:postgresql://127.0.0.1:55432/beatwise_test?user=postgres)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return url.strip();
    }

    /** A new empty schema; its URL makes it the connection's current schema. Drop it with close(). */
    public static Schema schema() {
        String base = url();
        String name = "t_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        exec(base, "CREATE SCHEMA " + name);
        return new Schema(base, name);
    }

    /** A schema of its own on the test server. */
    public record Schema(String base, String name) implements AutoCloseable {

        public String url() {
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        @Override
        public void close() {
            exec(base, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL at " + url.replaceAll("\\?.*", "") + ": " + e.getMessage(), e);
        }
    }
}
