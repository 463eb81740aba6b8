package org.beatwise.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Pattern;
import org.beatwise.store.ModelBundleStore;

/**
 * The models directory ({@code <home>/models}): one {@value ModelBundle#EXTENSION} file per model,
 * named after the model.
 *
 * <p>On a shared database the bundles live in the database ({@link ModelBundleStore}), so every station
 * sees the same models, and the directory ({@code <home>/shared-models}) is this station's cache of them:
 * before a model is listed, loaded or looked up, the cache is brought up to date (a bundle whose SHA-256
 * differs is fetched again, one no longer in the database is removed), and a save or import goes to the
 * database after its file is written.
 */
public final class ModelStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The prefix of the temporary file {@link ModelBundle#write} fills before moving it into place. */
    static final String SAVING_PREFIX = ".saving-";
    /**
     * How old a temporary save file must be before it counts as abandoned. Far longer than writing any
     * bundle takes, so a save still running in another program is never touched.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    /** One file in the directory; {@code problem} is set instead of {@code metadata} when it cannot be read. */
    public record Entry(String name, Path file, long bytes, ModelMetadata metadata, String problem) { }

    private final Path dir;
    // null on a station's own H2 file: the directory is then the models themselves
    private final ModelBundleStore shared;
    private final Clock clock;

    public ModelStore(Path dir) {
        this(dir, null, Clock.systemUTC());
    }

    /** Models kept in {@code shared}, cached as files in {@code cacheDir}. */
    public ModelStore(Path cacheDir, ModelBundleStore shared, Clock clock) {
        this.dir = Objects.requireNonNull(cacheDir, "dir");
        this.shared = shared;
        this.clock = clock;
    }

    /** True when the models are those of a shared database. */
    public boolean isShared() {
        return shared != null;
    }

    /** Brings the cache up to date with the shared database; nothing to do for a station's own models. */
    void syncFromShared() {
        if (shared == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Set<String> names = new HashSet<>();
            for (ModelBundleStore.Row row : shared.list()) {
                names.add(row.name());
                Path file = dir.resolve(row.name() + ModelBundle.EXTENSION);
                if (Files.isRegularFile(file) && Files.size(file) == row.sizeBytes()
                        && RowHash.of(Files.readAllBytes(file)).equals(row.sha256())) {
                    continue;
                }
                Optional<byte[]> bytes = shared.read(row.name());
                if (bytes.isEmpty()) {
                    continue; // deleted meanwhile
                }
                Path tmp = Files.createTempFile(dir, SAVING_PREFIX, ModelBundle.EXTENSION);
                try {
                    Files.write(tmp, bytes.get());
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + ModelBundle.EXTENSION)) {
                for (Path f : files) {
                    String file = f.getFileName().toString();
                    String name = file.substring(0, file.length() - ModelBundle.EXTENSION.length());
                    if (NAME.matcher(name).matches() && !names.contains(name)) {
                        Files.deleteIfExists(f); // deleted on another station
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the model cache " + dir + ": " + e.getMessage(), e);
        }
    }

    private void uploadToShared(String name) {
        if (shared == null) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(fileOf(name));
            shared.put(name, bytes, RowHash.of(bytes), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved model '" + name + "' to share it: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Model names: a letter or digit, then letters, digits, '.', '_' or '-', at most 64 characters. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must be 1–64 letters, digits, '.', '_' or '-' "
                    + "(starting with a letter or digit), was '" + name + "'");
        }
        return name;
    }

    public Path fileOf(String name) {
        return dir.resolve(checkName(name) + ModelBundle.EXTENSION);
    }

    public boolean exists(String name) {
        syncFromShared();
        return Files.isRegularFile(fileOf(name));
    }

    /** Saves under {@code name}, replacing a model of that name; returns the model as saved. */
    public TrainedModel save(TrainedModel model, String name) {
        TrainedModel named = model.withMetadata(model.metadata().withName(checkName(name)));
        ModelMetadata saved = ModelBundle.write(named, fileOf(name));
        uploadToShared(name);
        return named.withMetadata(saved);
    }

    public TrainedModel load(String name) {
        syncFromShared();
        Path file = fileOf(name);
        if (!Files.isRegularFile(file)) {
            throw new BundleException("there is no model named '" + name + "'");
        }
        return ModelBundle.read(file);
    }

    /** Every bundle in the directory, by name; damaged ones are listed with their problem. */
    public List<Entry> list() {
        syncFromShared();
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + ModelBundle.EXTENSION)) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                String name = file.substring(0, file.length() - ModelBundle.EXTENSION.length());
                if (!NAME.matcher(name).matches()) {
                    continue; // temporary files of an interrupted save start with '.'
                }
                long bytes = Files.size(f);
                try {
                    entries.add(new Entry(name, f, bytes, ModelBundle.readMetadata(f), null));
                } catch (BundleException e) {
                    entries.add(new Entry(name, f, bytes, null, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models in " + dir, e);
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /**
     * Deletes the temporary files of saves that were interrupted (a crash, a kill, a full disk), which
     * nothing else would ever remove. Only files last written {@link #ABANDONED_AFTER} or more before
     * {@code now} go: a younger one may belong to a save running right now in another program.
     *
     * @return how many were deleted
     */
    public int removeAbandonedSaves(Instant now) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant cutoff = now.minus(ABANDONED_AFTER);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, SAVING_PREFIX + "*")) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && !Files.getLastModifiedTime(f).toInstant().isAfter(cutoff)
                        && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean interrupted saves in " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** Deletes the model; false if there was none of that name. */
    public boolean delete(String name) {
        try {
            boolean wasShared = shared != null && shared.delete(checkName(name));
            return Files.deleteIfExists(fileOf(name)) || wasShared;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete model '" + name + "'", e);
        }
    }

    /** Copies the model to {@code target} as one file, after checking it is intact. */
    public void export(String name, Path target) {
        Path file = fileOf(name);
        load(name); // refuse to hand on a damaged bundle
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export model '" + name + "' to " + target, e);
        }
    }

    /**
     * Imports a bundle file after full verification (hashes and allow-listed deserialisation). The
     * model keeps the name recorded in it unless {@code asName} is given; an existing model of that
     * name is never overwritten.
     */
    public String importFile(Path source, String asName) {
        TrainedModel model = ModelBundle.read(source);
        String name = asName != null ? asName : model.metadata().name();
        if (ModelMetadata.UNKNOWN.equals(name)) {
            String file = source.getFileName().toString();
            name = file.endsWith(ModelBundle.EXTENSION) ? file.substring(0, file.length() - ModelBundle.EXTENSION.length()) : file;
        }
        checkName(name);
        if (exists(name)) {
            throw new BundleException("a model named '" + name + "' already exists; delete it or import under another name");
        }
        save(model, name);
        return name;
    }
}
