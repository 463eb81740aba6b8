package org.beatwise.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body without trusting its length: at most {@link #MAX_BYTES} are read whatever the
 * Content-Length says (a chunked body has none), so a hostile client cannot make the server buffer more.
 */
final class BoundedBody {

    /** The largest body the API accepts: a prediction request is well under 1 KB. */
    static final int MAX_BYTES = 64 * 1024;
    static final long DRAIN_BYTES = 1024 * 1024;

    private BoundedBody() { }

    /** The body's bytes; a body over {@code max} bytes is refused with 413 after reading at most max + 1. */
    static byte[] read(InputStream in, long declaredLength, int max) throws IOException {
        if (declaredLength > max) {
            drain(in);
            throw tooLarge(max);
        }
        if (declaredLength >= 0) {
            // the usual case: read exactly what was declared (the JDK's stream ends there), into one array of
            // that size, instead of growing 8 KB buffers for a body of a hundred bytes
            byte[] body = in.readNBytes((int) declaredLength);
            if (body.length < declaredLength) {
                throw new java.io.EOFException("the body ended after " + body.length + " of " + declaredLength + " bytes");
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buf = new byte[8192];
        int total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > max) {
                drain(in);
                throw tooLarge(max);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops up to {@link #DRAIN_BYTES} more, so a client still sending a body of a reasonable size
     * reads the 413 instead of a reset connection; beyond that the connection is simply closed.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long left = DRAIN_BYTES;
        for (int n = in.read(buf); n >= 0 && left > 0; n = in.read(buf)) {
            left -= n;
        }
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "body", "the request body is larger than " + max / 1024 + " KB");
    }
}
