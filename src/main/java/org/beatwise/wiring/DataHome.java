package org.beatwise.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.beatwise.store.Database;

/**
 * Where a station keeps its database and models: {@code --home DIR}, else {@code BEATWISE_HOME},
 * else {@code ~/.beatwise}. A path the database's URL syntax would misread is refused here, before
 * anything is created.
 */
public record DataHome(Path dir) {

    public static final String ENV = "BEATWISE_HOME";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    public DataHome {
        Database.checkUsablePath(dir.toAbsolutePath().toString());
    }

    public static DataHome resolve(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return new DataHome(Path.of(option).toAbsolutePath());
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataHome(Path.of(fromEnv).toAbsolutePath());
        }
        return new DataHome(Path.of(System.getProperty("user.home"), ".beatwise"));
    }

    public Path models() {
        return dir.resolve("models");
    }

    /** This station's cache of the models of a shared database (see ModelStore). */
    public Path sharedModelCache() {
        return dir.resolve("shared-models");
    }

    /** The station's database file. */
    public Path databaseFile() {
        return dir.resolve(Database.FILE_NAME);
    }

    /** True when a station lives here: the folder holds its database. */
    public boolean exists() {
        return Files.isRegularFile(databaseFile());
    }

    /**
     * Creates the data home and its models folder readable by their owner only (0700; where the file
     * system has no POSIX permissions, as created). A station's own folders that are wider, from
     * before this rule, are narrowed; a folder that holds no station yet is left as it was, since
     * {@code --home} may name one the user shares on purpose.
     */
    public void createPrivate() {
        boolean station = exists();
        makePrivate(dir, station);
        makePrivate(models(), true);
    }

    /** Creates the cache of a shared database's models readable by its owner only, like the models folder. */
    public Path createSharedModelCache() {
        makePrivate(sharedModelCache(), true);
        return sharedModelCache();
    }

    private static void makePrivate(Path folder, boolean narrowExisting) {
        try {
            boolean created = !Files.isDirectory(folder);
            if (created) {
                Files.createDirectories(folder);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
            if (posix != null && (created || narrowExisting)) {
                // Set after creating rather than as a creation attribute, which the umask would filter.
                posix.setPermissions(OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data home folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
