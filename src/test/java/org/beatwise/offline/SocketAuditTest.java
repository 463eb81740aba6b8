package org.beatwise.offline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.beatwise.testing.SocketAudit;
import org.junit.jupiter.api.Test;

/** Proves the offline flow's socket check can fail: a listening port this JVM opens is seen. */
class SocketAuditTest {

    @Test
    void seesAPortThisJvmListensOn() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.format("%04X", server.getLocalPort());
            assertTrue(SocketAudit.ownInetSockets().stream().anyMatch(s -> s.contains(":" + port) && s.contains("state=0A")),
                    SocketAudit.ownInetSockets().toString());
        }
        assertFalse(SocketAudit.ownInetSockets().stream().anyMatch(s -> s.contains("state=0A")));
    }

    @Test
    void tellsALoopbackListenerFromOneOnEveryInterface() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket everywhere = new ServerSocket(0, 1)) {
            String lo = String.format(":%04X", loopback.getLocalPort());
            String any = String.format(":%04X", everywhere.getLocalPort());
            List<String> sockets = SocketAudit.ownInetSockets();
            assertTrue(sockets.stream().filter(s -> s.contains(lo)).allMatch(SocketAudit::isLoopbackListener), sockets.toString());
            assertTrue(sockets.stream().anyMatch(s -> s.contains(lo)), sockets.toString());
            assertTrue(sockets.stream().filter(s -> s.contains(any)).noneMatch(SocketAudit::isLoopbackListener), sockets.toString());
            assertTrue(sockets.stream().anyMatch(s -> s.contains(any)), sockets.toString());
        }
    }
}
