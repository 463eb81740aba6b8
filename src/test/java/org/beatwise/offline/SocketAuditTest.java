package org.beatwise.offline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
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
}
