package org.beatwise.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Passes bytes through until more than a cap have been read, then throws what the caller supplies. */
final class CappedInputStream extends FilterInputStream {

    private final long cap;
    private final Supplier<? extends RuntimeException> tooMuch;
    private long count;

    CappedInputStream(InputStream in, long cap, Supplier<? extends RuntimeException> tooMuch) {
        super(in);
        this.cap = cap;
        this.tooMuch = tooMuch;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        if (count > cap) {
            throw tooMuch.get();
        }
    }
}
