package org.beatwise.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists this JVM's own TCP and UDP sockets from /proc (Linux), so a test can prove the app opened no
 * server port and no connection: a check at the operating-system level, below anything Java could
 * route around.
 */
public final class SocketAudit {

    private SocketAudit() { }

    /** One line per inet socket this process holds: protocol, state, local and remote address (hex, as in /proc). */
    public static List<String> ownInetSockets() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed while we looked: not a socket we hold
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        List<String> found = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path p = Path.of("/proc/self/net", table);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(p);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && inodes.contains(f[9])) {
                        found.add(table + " state=" + f[3] + " local=" + f[1] + " remote=" + f[2]);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + p, e);
            }
        }
        return found;
    }
}
