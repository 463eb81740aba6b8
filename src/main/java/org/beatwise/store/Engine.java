package org.beatwise.store;

import java.util.Map;

/**
 * The database engine behind a {@link Database}: the embedded H2 file of one data home, or a shared
 * PostgreSQL server. Stores write portable SQL and never ask; the migrations runner and the bulk loader
 * are the only places that differ per engine.
 */
public enum Engine {
    H2(Map.of("long_text", "CLOB", "bytes", "BLOB", "stored", "")),
    POSTGRESQL(Map.of("long_text", "TEXT", "bytes", "BYTEA", "stored", "STORED"));

    // What a migration's ${name} placeholder becomes: the few column types and keywords the two
    // engines spell differently (H2's VARCHAR stops at 1,000,000 characters, a boundary layer's
    // GeoJSON may not; H2's generated columns take no STORED, PostgreSQL's require it).
    private final Map<String, String> placeholders;

    Engine(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /** The engine a JDBC URL names. */
    public static Engine of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("the database URL '" + jdbcUrl
                + "' is neither H2 (jdbc:h2:...) nor PostgreSQL (jdbc:postgresql://host:port/database)");
    }

    /** {@code sql} with each {@code ${name}} replaced by this engine's spelling; an unknown name is refused. */
    String substitute(String sql, String script) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int start = sql.indexOf("${", from);
            if (start < 0) {
                return out.append(sql, from, sql.length()).toString();
            }
            int end = sql.indexOf('}', start);
            String name = end < 0 ? sql.substring(start) : sql.substring(start + 2, end);
            String value = end < 0 ? null : placeholders.get(name);
            if (value == null) {
                throw new IllegalStateException("migration " + script + " uses an unknown placeholder ${" + name
                        + "}; known: " + placeholders.keySet());
            }
            out.append(sql, from, start).append(value);
            from = end + 1;
        }
    }
}
