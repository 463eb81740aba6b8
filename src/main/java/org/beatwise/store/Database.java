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
 * The embedded H2 database of one data home ({@code <home>/beatwise.mv.db}). Embedded only: no
 * server port is ever opened. Opening migrates the schema to the newest version.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "beatwise.mv.db";

    private final String url;
    private final HolderNote holder;
    // Held open for the life of the Database so H2 keeps its cache instead of reopening per query.
    private final Connection keeper;

    private Database(String url, HolderNote holder) throws SQLException {
        this.url = url;
        this.holder = holder;
        this.keeper = DriverManager.getConnection(url, connectionProperties());
    }

    /**
     * Opens (creating if needed) the database in {@code home} and applies pending migrations.
     *
     * @throws IllegalArgumentException when the path holds a character H2's URL syntax would misread
     * @throws DataHomeInUseException when another program has the database open
     */
    public static Database open(Path home) {
        String url = urlFor(home);
        HolderNote holder = new HolderNote(home);
        try {
            Files.createDirectories(home);
            Database db = new Database(url, holder);
            new Migrations(db).migrate();
            holder.write();
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

    private static Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        // Closing is ours (close()), not a JVM shutdown hook's. AUTO_SERVER stays off: a second
        // process must not reach this file over a socket.
        p.setProperty("DB_CLOSE_ON_EXIT", "FALSE");
        return p;
    }

    /** A new connection; the caller closes it. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, connectionProperties());
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
        holder.remove();
        try (var st = keeper.createStatement()) {
            st.execute("SHUTDOWN");
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
