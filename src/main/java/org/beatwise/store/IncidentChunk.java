package org.beatwise.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A run of up to {@link #ROWS} incidents of one dataset, stored as one value of {@code incident_chunks}:
 * column after column, the repetitive text (offence, code, group, district, street, reporting area, UCR
 * part) as the chunk's distinct values plus one index per row.
 *
 * <p>Why not a row per incident: both engines charge per row far more than per byte. One row per
 * incident cost H2 about 10 µs (a 1,000,000-row import spent 8 of its 12 s inserting and committing) and
 * PostgreSQL's COPY a few µs; one chunk of 8,192 incidents costs about as much as one such row. The
 * database never looks inside a chunk: every read of incidents is a dataset's incidents in import order,
 * or their duplicate keys, and the key columns come first so that those are read alone.
 *
 * <p>Exact: doubles by their bits, times to the nanosecond, null text and a null shooting flag survive.
 * A chunk whose structure is damaged (format, counts, lengths, indexes, trailing bytes) is refused with a
 * {@link StoreException} naming the damage; a changed value inside an intact structure is not detected
 * here, as it is not for a value in an ordinary row (H2 checksums its pages; PostgreSQL can be set to).
 */
final class IncidentChunk {

    /** Incidents per chunk: a few hundred KB encoded, about 600 KB of columns while it is filled. */
    static final int ROWS = 8192;
    private static final byte FORMAT = 1;

    private IncidentChunk() { }

    /** The first {@code count} records, encoded. */
    static byte[] encode(IncidentRecord[] rows, int count) {
        Builder b = new Builder();
        for (int i = 0; i < count; i++) {
            b.add(rows[i]);
        }
        return b.toBytes();
    }

    /**
     * A chunk being filled, column by column as records arrive, reused after {@link #clear}: only
     * primitive columns and the distinct texts stay alive, not the records.
     */
    static final class Builder {
        private final long[] keys = new long[ROWS];
        private final long[] files = new long[ROWS];
        private final long[] lines = new long[ROWS];
        private final long[] seconds = new long[ROWS];
        private final int[] nanos = new int[ROWS];
        private final double[] lats = new double[ROWS];
        private final double[] lons = new double[ROWS];
        private final byte[] shootings = new byte[ROWS];
        private final Out ids = new Out(ROWS * 12);
        private final Dictionary[] text = new Dictionary[TEXT_COLUMNS];
        private int size;
        private long chars;

        Builder() {
            for (int c = 0; c < TEXT_COLUMNS; c++) {
                text[c] = new Dictionary();
            }
        }

        /** Appends a record; the caller stores the chunk when {@link #full} says so. */
        void add(IncidentRecord r) {
            int i = size++;
            keys[i] = r.dedupeKey();
            files[i] = r.fileId();
            lines[i] = r.sourceLine();
            seconds[i] = r.occurredAt().toEpochSecond(ZoneOffset.UTC);
            nanos[i] = r.occurredAt().getNano();
            lats[i] = r.lat();
            lons[i] = r.lon();
            Boolean s = r.shooting();
            shootings[i] = (byte) (s == null ? 0 : s ? 2 : 1);
            ids.text(r.incidentId());
            for (int c = 0; c < TEXT_COLUMNS; c++) {
                String v = text(r, c);
                text[c].add(i, v);
                chars += v == null ? 0 : v.length();
            }
            chars += r.incidentId() == null ? 0 : r.incidentId().length();
        }

        int size() {
            return size;
        }

        /** Full: {@link #ROWS} records, or so much text that no chunk comes near an engine's value limit. */
        boolean full() {
            return size == ROWS || chars > MAX_CHARS;
        }

        byte[] toBytes() {
            // room for what a row usually takes (key, place and flag 25 bytes, four numbers and seven indexes a few
            // each), the ids and the distinct texts, so that the buffer seldom grows while it is written
            long distinct = 0;
            for (Dictionary d : text) {
                for (String v : d.values) {
                    distinct += v == null ? 1 : v.length() + 3;
                }
            }
            Out out = new Out((int) Math.min(Integer.MAX_VALUE - 16, size * 64L + ids.pos + distinct + 64));
            out.b(FORMAT);
            out.varint(size);
            for (int i = 0; i < size; i++) {
                out.fixed(keys[i]);
            }
            long prevFile = 0;
            long prevLine = 0;
            long prevSecond = 0;
            for (int i = 0; i < size; i++) {
                out.varint(zigzag(files[i] - prevFile));
                out.varint(zigzag(lines[i] - prevLine));
                out.varint(zigzag(seconds[i] - prevSecond));
                out.varint(nanos[i]);
                prevFile = files[i];
                prevLine = lines[i];
                prevSecond = seconds[i];
            }
            for (int i = 0; i < size; i++) {
                out.fixed(Double.doubleToRawLongBits(lats[i]));
                out.fixed(Double.doubleToRawLongBits(lons[i]));
                out.b(shootings[i]);
            }
            out.bytes(ids.buf, ids.pos);
            for (Dictionary d : text) {
                out.varint(d.values.size());
                for (String v : d.values) {
                    out.text(v);
                }
                for (int i = 0; i < size; i++) {
                    out.varint(d.index[i]);
                }
            }
            return out.bytes();
        }

        void clear() {
            size = 0;
            chars = 0;
            ids.pos = 0;
            for (Dictionary d : text) {
                d.clear();
            }
        }
    }

    /** A text column: its distinct values in first-seen order, and each row's index into them. */
    private static final class Dictionary {
        final java.util.List<String> values = new java.util.ArrayList<>();
        final Map<String, Integer> codes = new HashMap<>();
        final int[] index = new int[ROWS];

        void add(int row, String v) {
            String key = v == null ? NULL_KEY : v;
            Integer code = codes.get(key);
            if (code == null) {
                code = values.size();
                codes.put(key, code);
                values.add(v);
            }
            index[row] = code;
        }

        void clear() {
            values.clear();
            codes.clear();
        }
    }

    /** Hands each incident of the chunk to {@code visitor}, in order. */
    static void forEach(byte[] data, Consumer<IncidentRecord> visitor) {
        try {
            In in = new In(data);
            int n = header(in);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = in.fixed();
            }
            long[] files = new long[n];
            long[] lines = new long[n];
            LocalDateTime[] times = new LocalDateTime[n];
            long file = 0;
            long line = 0;
            long second = 0;
            for (int i = 0; i < n; i++) {
                file += unzigzag(in.varint());
                line += unzigzag(in.varint());
                second += unzigzag(in.varint());
                long nano = in.varint();
                if (nano < 0 || nano > 999_999_999) {
                    throw new IllegalArgumentException("nanosecond " + nano);
                }
                files[i] = file;
                lines[i] = line;
                times[i] = LocalDateTime.ofEpochSecond(second, (int) nano, ZoneOffset.UTC);
            }
            double[] lats = new double[n];
            double[] lons = new double[n];
            Boolean[] shootings = new Boolean[n];
            for (int i = 0; i < n; i++) {
                lats[i] = Double.longBitsToDouble(in.fixed());
                lons[i] = Double.longBitsToDouble(in.fixed());
                byte s = in.b();
                if (s < 0 || s > 2) {
                    throw new IllegalArgumentException("shooting flag " + s);
                }
                shootings[i] = s == 0 ? null : s == 2;
            }
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.text();
            }
            String[][] text = new String[TEXT_COLUMNS][n];
            for (int column = 0; column < TEXT_COLUMNS; column++) {
                String[] values = new String[in.count(n)];
                for (int k = 0; k < values.length; k++) {
                    values[k] = in.text();
                }
                for (int i = 0; i < n; i++) {
                    long code = in.varint();
                    if (code < 0 || code >= values.length) {
                        throw new IllegalArgumentException("value index " + code + " of " + values.length);
                    }
                    text[column][i] = values[(int) code];
                }
            }
            if (in.pos != data.length) {
                throw new IllegalArgumentException((data.length - in.pos) + " bytes after the last column");
            }
            for (int i = 0; i < n; i++) {
                visitor.accept(new IncidentRecord(files[i], lines[i], ids[i], times[i], lats[i], lons[i], text[0][i], text[1][i],
                        text[2][i], text[3][i], text[4][i], text[5][i], shootings[i], text[6][i], keys[i]));
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            throw damaged(e);
        }
    }

    /** Hands each incident's duplicate key to {@code keys}, reading nothing else. */
    static void forEachKey(byte[] data, LongConsumer keys) {
        try {
            In in = new In(data);
            int n = header(in);
            for (int i = 0; i < n; i++) {
                keys.accept(in.fixed());
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw damaged(e);
        }
    }

    /** The number of incidents in the chunk. */
    static int rowCount(byte[] data) {
        try {
            return header(new In(data));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw damaged(e);
        }
    }

    private static int header(In in) {
        byte format = in.b();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown format " + format);
        }
        return in.count(ROWS);
    }

    private static StoreException damaged(RuntimeException e) {
        return new StoreException("a stored chunk of incidents is damaged (" + e.getMessage() + "); restore the database "
                + "from a backup or import the dataset again", e);
    }

    // ---- the text columns in dictionary form, in this order ----

    private static final int TEXT_COLUMNS = 7;
    private static final long MAX_CHARS = 32L << 20;
    // stands for null in the dictionary; no record text is this very instance
    private static final String NULL_KEY = new String("\u0000null");

    private static String text(IncidentRecord r, int column) {
        return switch (column) {
            case 0 -> r.offense();
            case 1 -> r.offenseCode();
            case 2 -> r.offenseGroup();
            case 3 -> r.district();
            case 4 -> r.street();
            case 5 -> r.reportingArea();
            default -> r.ucrPart();
        };
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A growing byte buffer; text is a length (0 for null, else bytes + 1) and UTF-8, ASCII copied directly. */
    private static final class Out {
        private byte[] buf;
        private int pos;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void b(byte v) {
            room(1);
            buf[pos++] = v;
        }

        void fixed(long v) {
            room(8);
            for (int s = 56; s >= 0; s -= 8) {
                buf[pos++] = (byte) (v >>> s);
            }
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        void text(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (ascii) {
                varint(n + 1L);
                room(n);
                for (int i = 0; i < n; i++) {
                    buf[pos++] = (byte) s.charAt(i);
                }
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                varint(utf8.length + 1L);
                room(utf8.length);
                System.arraycopy(utf8, 0, buf, pos, utf8.length);
                pos += utf8.length;
            }
        }

        void bytes(byte[] from, int length) {
            room(length);
            System.arraycopy(from, 0, buf, pos, length);
            pos += length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }
    }

    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        byte b() {
            return buf[pos++];
        }

        long fixed() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("a number runs on past 10 bytes");
        }

        /** A count from 0 to {@code max}. */
        int count(int max) {
            long n = varint();
            if (n < 0 || n > max) {
                throw new IllegalArgumentException("count " + n + " outside 0.." + max);
            }
            return (int) n;
        }

        String text() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            if (n < 0 || n - 1 > buf.length - pos) {
                throw new IllegalArgumentException("text of " + (n - 1) + " bytes with " + (buf.length - pos) + " left");
            }
            String s = new String(buf, pos, (int) (n - 1), StandardCharsets.UTF_8);
            pos += (int) (n - 1);
            return s;
        }
    }
}
