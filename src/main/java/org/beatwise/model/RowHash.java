package org.beatwise.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.beatwise.domain.Incident;

/** SHA-256 fingerprints of rows and bytes, for provenance and bundle integrity. */
public final class RowHash {

    private RowHash() { }

    /**
     * Hash of the rows in order, over the fields that matter to a model: id, time, coordinates and
     * the three offence fields, one line per row with fields joined by a unit separator. A line is the
     * UTF-8 of {@code id US time US lat US lon US offense US code US group LF}, each field as
     * {@code StringBuilder.append} writes it (so a saved model's hash stays comparable); {@link Lines}
     * writes those bytes without making a String per row.
     */
    public static String of(List<Incident> rows) {
        MessageDigest md = sha256();
        Lines lines = new Lines();
        for (Incident r : rows) {
            md.update(lines.buffer(), 0, lines.write(r));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * {@link #of(List)} of the rows and of the rows at {@code subset} (ascending indices), in one pass:
     * each row's line is made once and fed to both digests.
     */
    static String[] ofRowsAndSubset(List<Incident> rows, int[] subset) {
        MessageDigest all = sha256();
        MessageDigest some = sha256();
        Lines lines = new Lines();
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            int length = lines.write(rows.get(i));
            all.update(lines.buffer(), 0, length);
            if (next < subset.length && subset[next] == i) {
                some.update(lines.buffer(), 0, length);
                next++;
            }
        }
        if (next != subset.length) {
            throw new IllegalArgumentException("the subset must be ascending row indices");
        }
        return new String[] {HexFormat.of().formatHex(all.digest()), HexFormat.of().formatHex(some.digest())};
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /**
     * A row's line as bytes in one reused buffer. Training hashes every row on a thread beside the
     * forest, on the same two cores; made through Strings, Mattapan's lines took 86 ms (warm), mostly
     * in {@code LocalDateTime.toString} and {@code Double.toString}, and now take about 45. Times are
     * written digit by digit in {@code LocalDateTime.toString}'s form; a coordinate's text is
     * {@code Double.toString}'s, kept in a small cache because geocoded places repeat (Boston's about
     * 1,500 points).
     */
    static final class Lines {
        private static final byte SEPARATOR = 0x1f;
        private static final int CACHED = 4096; // a power of two
        private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

        private byte[] buffer = new byte[256];
        private int at;
        private final long[] cachedBits = new long[CACHED];
        private final byte[][] cachedText = new byte[CACHED][];

        byte[] buffer() {
            return buffer;
        }

        /** Writes the row's line at the buffer's start; returns its length in bytes. */
        int write(Incident r) {
            at = 0;
            text(r.incidentId());
            separator();
            time(r.occurredAt());
            separator();
            number(r.lat());
            separator();
            number(r.lon());
            separator();
            text(r.offense());
            separator();
            text(r.offenseCode());
            separator();
            text(r.offenseGroup());
            room(1);
            buffer[at++] = '\n';
            return at;
        }

        private void separator() {
            room(1);
            buffer[at++] = SEPARATOR;
        }

        private void text(String s) {
            if (s == null) {
                bytes(NULL);
                return;
            }
            int n = s.length();
            room(n);
            int start = at;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) { // not ASCII: the JDK's encoder, for its handling of surrogates
                    at = start;
                    bytes(s.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buffer[at++] = (byte) c;
            }
        }

        private void number(double value) {
            long bits = Double.doubleToRawLongBits(value);
            int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 41)) & (CACHED - 1);
            byte[] text = cachedText[slot];
            if (text == null || cachedBits[slot] != bits) {
                text = Double.toString(value).getBytes(StandardCharsets.US_ASCII);
                cachedText[slot] = text;
                cachedBits[slot] = bits;
            }
            bytes(text);
        }

        /** {@code LocalDateTime.toString}: yyyy-MM-ddTHH:mm, then :ss and .fraction only when not zero. */
        private void time(LocalDateTime t) {
            int year = t.getYear();
            if (year < 0 || year > 9999) { // signs and wider years: rare enough for the JDK's own text
                bytes(t.toString().getBytes(StandardCharsets.US_ASCII));
                return;
            }
            room(29);
            digits(year, 4);
            buffer[at++] = '-';
            digits(t.getMonthValue(), 2);
            buffer[at++] = '-';
            digits(t.getDayOfMonth(), 2);
            buffer[at++] = 'T';
            digits(t.getHour(), 2);
            buffer[at++] = ':';
            digits(t.getMinute(), 2);
            int second = t.getSecond();
            int nano = t.getNano();
            if (second > 0 || nano > 0) {
                buffer[at++] = ':';
                digits(second, 2);
                if (nano > 0) {
                    buffer[at++] = '.';
                    if (nano % 1_000_000 == 0) {
                        digits(nano / 1_000_000, 3);
                    } else if (nano % 1000 == 0) {
                        digits(nano / 1000, 6);
                    } else {
                        digits(nano, 9);
                    }
                }
            }
        }

        private void digits(int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                buffer[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            at += width;
        }

        private void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buffer, at, b.length);
            at += b.length;
        }

        private void room(int more) {
            if (at + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + more));
            }
        }
    }
}
