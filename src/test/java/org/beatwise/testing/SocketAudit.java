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

    /**
     * True for a line of {@link #ownInetSockets()} that is a socket listening on 127.0.0.1 only (as
     * /proc writes it: little-endian hex in tcp, an IPv4-mapped address in tcp6), which no other machine
     * can reach: what the station's shared data home may open, and nothing else.
     */
    public static boolean isLoopbackListener(String line) {
        return line.contains("state=0A")
                && (line.startsWith("tcp ") && line.contains("local=0100007F:")
                    || line.startsWith("tcp6 ") && line.contains("local=0000000000000000FFFF00000100007F:"));
    }

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
