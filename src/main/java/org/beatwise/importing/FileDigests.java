package org.beatwise.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beatwise.task.Futures;

/**
 * The SHA-256 of an import's files, computed one after another on a thread of their own while the
 * rows are read: hashing a 170 MB export takes most of a second, which the reader would otherwise wait
 * for before its first row.
 */
final class FileDigests implements AutoCloseable {

    private final List<Path> files;
    private final List<Future<String>> digests = new ArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "beatwise-sha256");
        t.setDaemon(true);
        return t;
    });

    private FileDigests(List<Path> files) {
        this.files = files;
        for (Path f : files) {
            digests.add(thread.submit(() -> Sha256.of(f)));
        }
    }

    static FileDigests start(List<Path> files) {
        return new FileDigests(files);
    }

    /** The digest of file {@code i}, waiting for it; an unreadable file is an ImportException naming it. */
    String get(int i) {
        String name = files.get(i).getFileName().toString();
        return Futures.join(digests.get(i), cause -> new ImportException(name, "cannot read the file: "
                + (cause instanceof IOException io ? io.getMessage() : cause)));
    }

    /** Stops hashing files no longer needed (the import failed or was cancelled). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
