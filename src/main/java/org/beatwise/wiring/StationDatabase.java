package org.beatwise.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beatwise.store.Database;
import org.beatwise.store.Engine;

/**
 * Which database a station uses: {@code --db URL}, else {@code BEATWISE_DB}, else the one line of
 * {@code <home>/db-url} (the station's setting; it cannot live in the settings table, which is inside
 * the database it names), else the data home's own H2 file. A URL names a PostgreSQL database
 * ({@code jdbc:postgresql://host:5432/beatwise?sslmode=verify-full}); the user may be in it, the
 * password never: it comes from {@code BEATWISE_DB_PASSWORD} or a {@code <home>/db-password} file only
 * its owner can read.
 *
 * @param url the PostgreSQL JDBC URL, or null for the data home's H2 file
 * @param from where the URL came from, for messages
 */
public record StationDatabase(String url, String from) {

    public static final String ENV = "BEATWISE_DB";
    public static final String USER_ENV = "BEATWISE_DB_USER";
    public static final String PASSWORD_ENV = "BEATWISE_DB_PASSWORD";
    public static final String URL_FILE = "db-url";
    public static final String PASSWORD_FILE = "db-password";
    private static final Set<PosixFilePermission> WIDER_THAN_OWNER = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    public StationDatabase {
        if (url != null) {
            Engine engine = Engine.of(url);
            if (engine != Engine.POSTGRESQL) {
                throw new IllegalArgumentException("the database URL from " + from + " must name a PostgreSQL database "
                        + "(jdbc:postgresql://host:port/database); without one the data home's own file is used");
            }
            if (hasParameter(url, "password")) {
                throw new IllegalArgumentException("the database URL from " + from + " carries a password, which would "
                        + "show in process lists and shell history; remove it and set " + PASSWORD_ENV
                        + " or write it to <home>/" + PASSWORD_FILE + " (readable by its owner only, chmod 600)");
            }
        }
    }

    /** The data home's own H2 file. */
    public static StationDatabase embedded() {
        return new StationDatabase(null, "the data home");
    }

    public static StationDatabase resolve(String option, Map<String, String> env, DataHome home) {
        if (option != null && !option.isBlank()) {
            return new StationDatabase(option.strip(), "--db");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new StationDatabase(fromEnv.strip(), ENV);
        }
        Path file = home.dir().resolve(URL_FILE);
        if (Files.isRegularFile(file)) {
            try {
                String line = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty()) {
                    return new StationDatabase(line.lines().findFirst().orElseThrow().strip(), file.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return embedded();
    }

    public boolean shared() {
        return url != null;
    }

    /** Opens it (migrating it to the newest schema); the data home must already exist for H2. */
    public Database open(DataHome home, Map<String, String> env) {
        if (url == null) {
            return Database.open(home.dir());
        }
        String user = env.get(USER_ENV);
        return Database.openShared(url, user == null || user.isBlank() ? null : user.strip(), password(home, env));
    }

    /** {@code BEATWISE_DB_PASSWORD}, else the first line of {@code <home>/db-password}, else none (certificate or trust). */
    static String password(DataHome home, Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Path file = home.dir().resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                if (perms.stream().anyMatch(WIDER_THAN_OWNER::contains)) {
                    throw new IllegalArgumentException("the password file " + file + " can be read by others (mode "
                            + java.nio.file.attribute.PosixFilePermissions.toString(perms)
                            + "); refusing it: run chmod 600 " + file);
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return false;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (key.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Where it points, without the URL's parameters, for messages and {@code --version}-style reports. */
    @Override
    public String toString() {
        return url == null ? "the data home's own database" : url.replaceAll("\\?.*$", "");
    }
}
