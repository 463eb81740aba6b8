package org.beatwise.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import org.beatwise.testing.SocketAudit;

/**
 * The addresses this JVM listens on at a port, read from the operating system's socket tables
 * ({@link SocketAudit}), with /proc's little-endian hex decoded and IPv4-mapped IPv6 addresses
 * (a dual-stack socket bound to 127.0.0.1) shown as the IPv4 address they are.
 */
final class ListeningSockets {

    private static final String LISTEN = "state=0A";

    private ListeningSockets() { }

    static List<InetAddress> at(int port) {
        String hexPort = String.format(":%04X", port);
        return SocketAudit.ownInetSockets().stream()
                .filter(s -> s.startsWith("tcp") && s.contains(LISTEN))
                .map(s -> s.split("local=")[1].split(" ")[0])
                .filter(local -> local.endsWith(hexPort))
                .map(local -> decode(local.substring(0, local.indexOf(':'))))
                .toList();
    }

    /** /proc writes each 32-bit word of an address in the host's (little-endian) byte order. */
    static InetAddress decode(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int w = 0; w < raw.length; w += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[w + i] = raw[w + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(bytes); // Java turns an IPv4-mapped address into the IPv4 one
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hex, e);
        }
    }
}
