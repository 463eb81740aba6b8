package org.beatwise.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For {@code bench --api} only: a loopback responder that answers every HTTP/1.1 request with the same
 * small JSON and does nothing else, one thread a connection. Driven by the same client as the API, it
 * shows what the client and the loopback cost on their own, the floor under every API figure.
 */
final class BareResponder implements AutoCloseable {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
            + "{\"ok\":true}").getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 16 * 1024;

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    BareResponder() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        daemon(this::accept, "beatwise-bare-accept");
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                daemon(() -> answer(s), "beatwise-bare-connection");
            }
        } catch (IOException closed) {
            // the responder was closed
        }
    }

    private void answer(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            long body;
            while ((body = readHead(in)) >= 0) {
                in.skipNBytes(body);
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        } finally {
            open.remove(s);
        }
    }

    /** Reads one request's head; its Content-Length (0 without one), or −1 at the end of the stream. */
    static long readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        int read = 0;
        boolean started = false;
        int c;
        while ((c = in.read()) >= 0) {
            if (++read > MAX_HEAD) {
                throw new IOException("request head over " + MAX_HEAD + " bytes");
            }
            if (c == '\r') {
                continue;
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            if (line.length() == 0) {
                if (started) {
                    return length;
                }
                continue; // blank lines before a request line are allowed
            }
            String l = line.toString();
            if (started && l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(l.substring("content-length:".length()).trim());
            }
            started = true;
            line.setLength(0);
        }
        return -1;
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
