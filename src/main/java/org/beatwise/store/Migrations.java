package org.beatwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<description>.sql} on the classpath, applied
 * in version order, each once (any shipped version not yet recorded is applied), recorded in
 * {@code schema_version}. An older station's database is
 * upgraded in place; a migration never edits one that already ran.
 *
 * <p>One set of scripts serves both engines: they are written in the SQL H2 2.x and PostgreSQL 15 both
 * accept, and the few spellings that differ are {@code ${name}} placeholders the {@link Engine} fills in.
 * The runner records versions, not checksums, so the scripts of V1 to V6 could be rewritten portably
 * without touching the databases they built (H2's AUTO_INCREMENT is an identity column like the
 * portable spelling). Programs that start together take turns: a file lock beside an H2 database (all
 * programs sharing it run on one station), an advisory lock on PostgreSQL.
 */
final class Migrations {

    static final String LOCATION = "db/migration";
    /** Work a script cannot do (turning rows into binary chunks), run after it in its transaction. */
    private static final Map<Integer, JavaStep> AFTER_SCRIPT = Map.of(10, IncidentChunksMigration::run);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final Database db;

    Migrations(Database db) {
        this.db = db;
    }

    /** The migrations shipped with this build, by version. */
    static Map<Integer, String> available() {
        Map<Integer, String> found = new TreeMap<>();
        for (String name : listResources()) {
            Matcher m = NAME.matcher(name);
            if (m.matches()) {
                String previous = found.put(Integer.parseInt(m.group(1)), name);
                if (previous != null) {
                    throw new IllegalStateException("two migrations share a version: " + previous + ", " + name);
                }
            }
        }
        return found;
    }

    void migrate() throws SQLException {
        try (Connection c = db.connection()) {
            if (hasSchemaVersion(c)) {
                refuseNewer(c);
            }
            if (!hasSchemaVersion(c) || !pending(c).isEmpty()) {
                try (MigrationLock lock = MigrationLock.take(db, c)) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                                + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                    }
                    // read again under the lock: another program may have applied them meanwhile
                    for (Map.Entry<Integer, String> e : pending(c).entrySet()) {
                        apply(c, db.engine(), e.getKey(), e.getValue());
                    }
                }
            }
        }
    }

    /**
     * A database a newer Beatwise has migrated may hold its data in shapes this build does not know (V10
     * moved incidents into chunks): this build must not read or write it.
     */
    private static void refuseNewer(Connection c) throws SQLException {
        int newest = available().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int current = currentVersion(c);
        if (current > newest) {
            throw new StoreException("this database was upgraded by a newer Beatwise (schema version " + current
                    + "; this program knows up to " + newest + "): upgrade this program before using it", null);
        }
    }

    /**
     * Every shipped version not yet applied, in order: a station that skipped a build whose migration
     * number is lower than one it already has still gets it.
     */
    private static Map<Integer, String> pending(Connection c) throws SQLException {
        Set<Integer> applied = appliedVersions(c);
        Map<Integer, String> pending = new TreeMap<>(available());
        pending.keySet().removeAll(applied);
        return pending;
    }

    private static boolean hasSchemaVersion(Connection c) throws SQLException {
        return hasTable(c, "schema_version");
    }

    static boolean hasTable(Connection c, String table) throws SQLException {
        // in this connection's schema only: a PostgreSQL database may hold other stations' schemas
        for (String name : List.of(table.toLowerCase(java.util.Locale.ROOT), table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection c, Engine engine, int version, String script) throws SQLException {
        String sql = engine.substitute(read(script), script);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String statement : sql.split(";\\s*(\\R|$)")) {
                String trimmed = stripComments(statement);
                if (!trimmed.isBlank()) {
                    st.execute(trimmed);
                }
            }
            JavaStep step = AFTER_SCRIPT.get(version);
            if (step != null) {
                step.run(c, engine);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    private interface JavaStep {
        void run(Connection c, Engine engine) throws SQLException;
    }

    private static String stripComments(String statement) {
        StringBuilder sb = new StringBuilder();
        for (String line : statement.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().strip();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION + "/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }

    /** File names in the migration folder, whether it is a directory (IDE, tests) or inside the jar. */
    private static List<String> listResources() {
        URL url = Migrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Collections.emptyMap())) {
                    return names(fs.getPath(LOCATION));
                }
            }
            return names(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations at " + url, e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
