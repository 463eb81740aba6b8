package org.beatwise.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where an export goes, checked before any work is done, and written whole or not at all: the bytes go
 * to a hidden temporary file beside the target, which is moved over the target only when complete. A
 * failure half-way leaves the target as it was (absent, or the old file) and no temporary file behind.
 */
public final class OutputFile {

    /** Writes the whole content to the stream; may throw. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final boolean overwrite;

    private OutputFile(Path target, boolean overwrite) {
        this.target = target;
        this.overwrite = overwrite;
    }

    /**
     * Checks the target: its folder must exist and be writable, it must not be a folder, and an existing
     * file is replaced only with {@code overwrite}.
     *
     * @param expectedExtension the extension the format uses ("pdf"), without the dot; a name without it is refused
     * @throws IllegalArgumentException naming the path and what is wrong
     */
    public static OutputFile checked(Path file, String expectedExtension, boolean overwrite) {
        if (file == null || file.toString().isBlank()) {
            throw new IllegalArgumentException("an output file is needed (--out FILE)");
        }
        Path target;
        try {
            target = file.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a usable file name: '" + file + "': " + e.getReason());
        }
        Path name = target.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("not a file name: " + file);
        }
        String lower = name.toString().toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith("." + expectedExtension)) {
            throw new IllegalArgumentException("output file " + file + " must end in ." + expectedExtension
                    + " for this format");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("output " + file + " is a folder, not a file");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the folder of " + file + " does not exist: " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("cannot write in the folder " + dir + " (no permission)");
        }
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException("file " + file + " exists already; choose another name or allow "
                    + "replacing it (--force)");
        }
        return new OutputFile(target, overwrite);
    }

    public Path path() {
        return target;
    }

    /** Writes the content beside the target and moves it into place; returns the size in bytes. */
    public long write(Content content) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".beatwise-", ".part");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            long size = Files.size(tmp);
            move(tmp);
            tmp = null;
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // hidden and harmless if it stays; the failure itself is what the caller reports
                }
            }
        }
    }

    private void move(Path tmp) throws IOException {
        if (overwrite) {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        try {
            // a hard link fails when the name is taken, so a file that appeared since the check is never replaced
            Files.createLink(target, tmp);
            Files.delete(tmp);
        } catch (FileAlreadyExistsException e) {
            throw appeared();
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException again) {
                throw appeared();
            }
        }
    }

    private IllegalArgumentException appeared() {
        return new IllegalArgumentException("file " + target + " appeared while it was being written; nothing was replaced");
    }
}
