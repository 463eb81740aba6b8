package org.beatwise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database of a station: the embedded H2 file of one data home ({@code <home>/beatwise.mv.db}), or
 * a PostgreSQL database that several stations share. Opening migrates the schema to the newest version.
 *
 * <p>H2 runs in its AUTO_SERVER mode so that the desktop app and the command line can use one data home
 * at the same time: the first program to open the file serves it to the others over a TCP socket bound
 * to 127.0.0.1 only (see {@link #LOOPBACK}), and a program that finds it served connects to it.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "beatwise.mv.db";
    /** The only address H2's AUTO_SERVER socket may listen on. */
    public static final String LOOPBACK = "127.0.0.1";

    static {
        // H2 starts AUTO_SERVER's TCP server with -tcpAllowOthers (any host that reaches the port may
        // connect), so the socket must not be reachable from another machine: H2 binds where
        // h2.bindAddress says, read once when its SysProperties class loads, which is after this.
        System.setProperty("h2.bindAddress", LOOPBACK);
    }

    private final String url;
    private final Engine engine;
    // the data home of an H2 database; null for a shared one
    private final Path home;
    private final Properties properties;
    private final HolderNote holder;
    // Held open for the life of the Database so H2 keeps its cache instead of reopening per query.
    private final Connection keeper;
    private final ConnectionPool pool;

    private Database(String url, Engine engine, Path home, Properties properties, HolderNote holder) throws SQLException {
        this.url = url;
        this.engine = engine;
        this.home = home;
        this.properties = properties;
        this.holder = holder;
        this.keeper = DriverManager.getConnection(url, properties);
        this.pool = new ConnectionPool(() -> DriverManager.getConnection(url, properties));
    }

    /**
     * Opens (creating if needed) the H2 database in {@code home} and applies pending migrations.
     *
     * @throws IllegalArgumentException when the path holds a character H2's URL syntax would misread
     * @throws DataHomeInUseException when a program that does not share (an older Beatwise) has it open
     */
    public static Database open(Path home) {
        String url = urlFor(home);
        HolderNote holder = new HolderNote(home);
        try {
            Files.createDirectories(home);
            checkLoopbackOnly();
            Database db = new Database(url, Engine.H2, home.toAbsolutePath(), h2Properties(), holder);
            try {
                new Migrations(db).migrate();
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            holder.writeUnlessHeld();
            return db;
        } catch (SQLException e) {
            if (HolderNote.isLockedByAnother(e)) {
                throw new DataHomeInUseException(home, holder.read());
            }
            throw new StoreException("cannot open the database in " + home + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data home " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a shared PostgreSQL database and applies pending migrations. The password arrives here from
     * the environment or a private file, never from a URL or the settings table.
     */
    public static Database openShared(String url, String user, String password) {
        if (Engine.of(url) != Engine.POSTGRESQL) {
            throw new IllegalArgumentException("a shared database must be PostgreSQL (jdbc:postgresql://...), was " + url);
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "beatwise");
        try {
            Database db = new Database(url, Engine.POSTGRESQL, null, p, null);
            try {
                new Migrations(db).migrate();
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            // pgjdbc's messages name host, port, database and user, never the password
            throw new StoreException("cannot open the database " + withoutQuery(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL without its parameters, for messages: a parameter could carry something private. */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    public Engine engine() {
        return engine;
    }

    /** The data home holding an H2 database's file; null for a shared database. */
    Path home() {
        return home;
    }

    /**
     * Refuses to start H2's server unless it will listen on loopback only: if something loaded H2 before
     * this class could pin the address, H2 would bind every interface.
     */
    static void checkLoopbackOnly() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (!LOOPBACK.equals(bound)) {
            throw new StoreException("the embedded database would share the data home on address " + bound
                    + " instead of " + LOOPBACK + "; refusing to open a socket other machines could reach "
                    + "(remove -Dh2.bindAddress from the Java options)", null);
        }
    }

    /**
     * The JDBC URL of the database in {@code home}. H2 reads everything after the first ';' as
     * settings (";INIT=..." would run SQL) and turns '\' into '/' on POSIX systems, and there is no
     * escape for either, so a path holding one is refused instead of being pasted in. Settings go
     * in as connection properties, never into the URL.
     */
    public static String urlFor(Path home) {
        String dir = home.toAbsolutePath().toString();
        checkUsablePath(dir);
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("beatwise");
    }

    /** Refuses a data home path that H2's URL syntax could misread, naming the path and the character. */
    public static void checkUsablePath(String dir) {
        for (int i = 0; i < dir.length(); i++) {
            char c = dir.charAt(i);
            if (c == ';' || (c == '\\' && java.io.File.separatorChar == '/')) {
                throw new IllegalArgumentException("the data home path '" + dir + "' contains '" + c
                        + "', which the database would misread; choose a folder whose path has no ';' or '\\'");
            }
        }
    }

    /** H2's page split size in bytes (see h2Properties). */
    static final int PAGE_SIZE = 65_536;

    private static Properties h2Properties() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        // The first program to open the file serves it on loopback; the others connect to it. (H2 then
        // insists on closing the file in a shutdown hook too: DB_CLOSE_ON_EXIT=FALSE is refused with it.)
        p.setProperty("AUTO_SERVER", "TRUE");
        // MVStore splits a page at this many bytes (H2's default is 16 KB). A large import's commit walks
        // every row again and reads back the pages already written; four times larger pages mean fewer
        // pages to read and rebuild: commit and process CPU of a 1,000,000-row import about a tenth lower
        // (docs/model.md). Applies to pages written from now on, in old files too.
        p.setProperty("PAGE_SIZE", Integer.toString(PAGE_SIZE));
        return p;
    }

    /** A connection in auto-commit mode; the caller closes it, which gives it back to the pool. */
    public Connection connection() throws SQLException {
        return pool.take();
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T query(SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** The rows of a parameterised query, each read into a value by {@code row}. */
    public <T> List<T> list(String sql, RowReader<T> row, Object... params) {
        return query(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void close() {
        if (holder != null) {
            holder.removeIfOurs();
        }
        // Never SHUTDOWN: with AUTO_SERVER this program may be a client of another one's database, and
        // SHUTDOWN would close it under that program. H2 closes the file when its last connection goes.
        pool.close();
        try {
            keeper.close();
        } catch (SQLException e) {
            // already closed: nothing left to release
        }
    }

    /** Reads the current row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work against a JDBC connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
