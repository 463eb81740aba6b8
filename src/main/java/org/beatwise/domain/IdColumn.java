package org.beatwise.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ids of {@link IncidentColumns}: each id's UTF-8 bytes in one pool, followed by 0xFF (a byte UTF-8
 * never writes, so it marks the end without a length a row), found by where they start (−1 for a null
 * id). That is 4 bytes a row plus the id's bytes plus one. A row set again gets its new id's bytes at the
 * pool's end and the old ones stay behind unread: a reservoir of k slots fed n rows writes about
 * k·(1 + ln(n / k)) ids (Algorithm R), so the pool holds that many.
 */
final class IdColumn {

    private static final byte END = (byte) 0xFF;

    private int[] start;
    private byte[] pool;
    private int used;

    IdColumn(int capacity) {
        start = new int[capacity];
        pool = new byte[Math.max(16, capacity * 8)];
    }

    /** Makes room for {@code capacity} rows, keeping those there are. */
    void resize(int capacity) {
        start = Arrays.copyOf(start, capacity);
    }

    void set(int row, String id) {
        if (id == null) {
            start[row] = -1;
            return;
        }
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        long needed = (long) used + bytes.length + 1;
        if (needed > pool.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("the ids of one column store exceed 2 GB of UTF-8 bytes");
            }
            pool = Arrays.copyOf(pool, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, pool.length * 3L / 2)));
        }
        start[row] = used;
        System.arraycopy(bytes, 0, pool, used, bytes.length);
        used += bytes.length;
        pool[used++] = END;
    }

    /** The id (a new string each call), or null. */
    String get(int row) {
        int from = start[row];
        if (from < 0) {
            return null;
        }
        int to = from;
        while (pool[to] != END) {
            to++;
        }
        return new String(pool, from, to - from, StandardCharsets.UTF_8);
    }
}
