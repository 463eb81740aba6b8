package org.beatwise.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A one-line note beside the database saying which program opened it first ({@value #FILE_NAME}). H2
 * locks the file itself but records no owner, so this note is what lets a second program that cannot
 * share the file (an older Beatwise, which opened it without AUTO_SERVER) say who holds the data home.
 * It is informational only: the lock is H2's. Programs that share the data home leave a live holder's
 * note alone, and a note left by a killed program is overwritten by the next one to open the database.
 */
final class HolderNote {

    static final String FILE_NAME = "beatwise.holder";
    // H2's ErrorCode.DATABASE_ALREADY_OPEN_1: the file is locked by another process.
    private static final int ALREADY_OPEN = 90020;

    private final Path file;

    HolderNote(Path home) {
        this.file = home.toAbsolutePath().resolve(FILE_NAME);
    }

    static boolean isLockedByAnother(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** Writes our note unless a running program's note is there (we then share its data home). */
    void writeUnlessHeld() {
        if (holderPid().filter(pid -> pid != ProcessHandle.current().pid())
                .flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        write();
    }

    /** Removes the note if it is ours: the program that shared the data home must not remove its opener's. */
    void removeIfOurs() {
        if (holderPid().filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            remove();
        }
    }

    private Optional<Long> holderPid() {
        return read().flatMap(line -> {
            if (!line.startsWith("pid ")) {
                return Optional.empty();
            }
            int end = line.indexOf(',');
            try {
                return Optional.of(Long.parseLong(line.substring(4, end < 0 ? line.length() : end).strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    void write() {
        ProcessHandle self = ProcessHandle.current();
        String since = self.info().startInstant().map(i -> ", since " + i).orElse("");
        String line = "pid " + self.pid() + ", user " + System.getProperty("user.name", "unknown") + hostName() + since;
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Without the note a second program still refuses the data home, only less precisely.
        }
    }

    /** The note's line, if there is a readable one. */
    Optional<String> read() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            String line = newline < 0 ? text : text.substring(0, newline).strip();
            return line.isEmpty() || line.length() > 300 ? Optional.empty() : Optional.of(line);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void remove() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale note only makes a later refusal's message less exact; the lock is H2's.
        }
    }

    // From the environment only: a name lookup could reach the network, which the station never does.
    private static String hostName() {
        String host = System.getenv().getOrDefault("HOSTNAME", System.getenv("COMPUTERNAME"));
        return host == null || host.isBlank() ? "" : " on " + host.strip();
    }
}
