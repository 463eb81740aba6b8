package org.beatwise.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a CSV file as text: decides the character set, skips a byte-order mark and refuses files that
 * are not text at all.
 *
 * <p>Without a forced encoding the whole file is scanned once for UTF-8 validity before parsing
 * (a byte loop, about a gigabyte a second): deciding from the first block alone would misread a file
 * whose first non-ASCII byte comes late, and switching mid-stream would mean rows already handed on
 * were decoded wrongly. Files that are not UTF-8 fall back to a single-byte set: windows-1252, or
 * Mac Roman when the high bytes read as Mac Roman make markedly more sense (old Excel for Mac saves
 * that way; mattapan_only_2018.csv is such a file, its "Â " mojibake is the bytes E5 CA).
 */
final class CsvInput {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset MAC_ROMAN = Charset.isSupported("x-MacRoman") ? Charset.forName("x-MacRoman") : null;
    private static final int SNIFF_BYTES = 64 * 1024;

    /** The character set to read with, how many BOM bytes to skip, and a note for the report. */
    record Decision(Charset charset, int bomLength, String note) {
    }

    private CsvInput() { }

    static Decision decide(Path file, Charset forced) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size == 0) {
            throw new ImportException(name, "the file is empty (0 bytes)");
        }
        byte[] head = new byte[(int) Math.min(size, SNIFF_BYTES)];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < head.length) {
                head = java.util.Arrays.copyOf(head, n);
            }
        }
        Charset bomCharset = null;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            bom = 2;
        }
        boolean wide = (bomCharset != null && bomCharset != StandardCharsets.UTF_8)
                || (forced != null && forced.name().startsWith("UTF-16") || forced != null && forced.name().startsWith("UTF-32"));
        if (!wide) {
            refuseBinary(name, head);
        }
        if (forced != null) {
            int skip = forced.equals(bomCharset) || (bomCharset == StandardCharsets.UTF_8 && forced.equals(StandardCharsets.UTF_8)) ? bom : 0;
            return new Decision(forced, skip, "forced with --encoding " + forced.name());
        }
        if (bomCharset != null && bomCharset != StandardCharsets.UTF_8) {
            return new Decision(bomCharset, bom, bomCharset.name() + " byte-order mark");
        }
        Utf8Scan scan = Utf8Scan.of(file, bom);
        if (scan.valid()) {
            return new Decision(StandardCharsets.UTF_8, bom, bom > 0 ? "UTF-8 with byte-order mark" : null);
        }
        Charset fallback = scan.likelySingleByteCharset();
        return new Decision(fallback, 0, "not valid UTF-8 (byte 0x" + Integer.toHexString(scan.firstBadByte())
                + " at offset " + scan.firstBadOffset() + ", line " + scan.firstBadLine() + "); read as " + fallback.name());
    }

    static Reader open(Path file, Decision d) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.skipNBytes(d.bomLength());
        return new InputStreamReader(in, d.charset());
    }

    /** A NUL byte or a known binary signature in the first 64 KB means this is no CSV text. */
    private static void refuseBinary(String name, byte[] head) {
        String kind = null;
        if (startsWith(head, 'P', 'K', 3, 4)) {
            kind = "a ZIP archive or an Excel .xlsx workbook";
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            kind = "an Excel .xls workbook";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            kind = "a PDF document";
        } else if (startsWith(head, 0x1F, 0x8B)) {
            kind = "a gzip archive";
        } else {
            for (int i = 0; i < head.length; i++) {
                if (head[i] == 0) {
                    kind = "binary data (a NUL byte at offset " + i + ")";
                    break;
                }
            }
        }
        if (kind != null) {
            throw new ImportException(name, "this is not a CSV text file: it looks like " + kind
                    + "; export the data as CSV and import that");
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** One pass over the bytes: UTF-8 validity, the first bad byte, and a histogram of high bytes. */
    static final class Utf8Scan {
        private static final java.lang.invoke.VarHandle LONGS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.nativeOrder());
        private final long[] high = new long[128];
        private long pairA0;   // C2 A0: "Â" + NBSP in windows-1252
        private long pairCA;   // E5 CA: "Â" + NBSP in Mac Roman
        private long badOffset = -1;
        private int badByte;
        private long badLine;

        static Utf8Scan of(Path file, int skip) throws IOException {
            Utf8Scan s = new Utf8Scan();
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(skip);
                s.scan(in, skip);
            }
            if (s.badOffset >= 0) {
                s.badLine = lineAt(file, s.badOffset);
            }
            return s;
        }

        /** The hot loop skips ASCII runs without looking further; only high bytes are examined. */
        private void scan(InputStream in, long offset) throws IOException {
            byte[] buf = new byte[1 << 16];
            int need = 0;          // continuation bytes still expected
            long leadOffset = 0;   // where the current multi-byte sequence started, for the message
            int lead = 0;
            int last = 0;          // last byte of the previous buffer
            int n;
            while ((n = in.read(buf)) > 0) {
                int i = 0;
                while (i < n) {
                    if (need == 0) {
                        // eight bytes at a time while none has its high bit set (an export is nearly all ASCII)
                        while (i + 8 <= n && ((long) LONGS.get(buf, i) & 0x8080808080808080L) == 0) {
                            i += 8;
                        }
                        while (i < n && buf[i] >= 0) {
                            i++;
                        }
                        if (i == n) {
                            break;
                        }
                    }
                    int b = buf[i] & 0xFF;
                    int prev = i > 0 ? buf[i - 1] & 0xFF : last;
                    if (b < 0x80) {           // ASCII where a continuation byte was due
                        bad(leadOffset, lead);
                        need = 0;
                    } else {
                        high[b - 128]++;
                        if (prev == 0xC2 && b == 0xA0) pairA0++;
                        if (prev == 0xE5 && b == 0xCA) pairCA++;
                        if (need > 0) {
                            if (b <= 0xBF) {
                                need--;
                            } else {
                                bad(leadOffset, lead);
                                need = 0;
                            }
                        } else if (b >= 0xC2 && b <= 0xF4) {
                            need = b <= 0xDF ? 1 : b <= 0xEF ? 2 : 3;
                            leadOffset = offset + i;
                            lead = b;
                        } else {
                            bad(offset + i, b);
                        }
                    }
                    i++;
                }
                last = buf[n - 1] & 0xFF;
                offset += n;
            }
            if (need > 0) {
                bad(leadOffset, lead);
            }
        }

        private void bad(long offset, int b) {
            if (badOffset < 0) {
                badOffset = offset;
                badByte = b;
            }
        }

        /** 1-based line of a byte offset (LF, CRLF and CR each end a line); only run for the message. */
        private static long lineAt(Path file, long offset) throws IOException {
            long line = 1;
            int prev = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (long pos = 0; pos < offset; pos++) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    if (b == '\r' || (b == '\n' && prev != '\r')) {
                        line++;
                    }
                    prev = b;
                }
            }
            return line;
        }

        boolean valid() {
            return badOffset < 0;
        }

        long firstBadOffset() {
            return badOffset;
        }

        int firstBadByte() {
            return badByte;
        }

        long firstBadLine() {
            return badLine;
        }

        /**
         * windows-1252 unless Mac Roman explains the high bytes clearly better: each set scores the
         * bytes that decode to characters common in English-language police exports (no-break space,
         * typographic quotes and dashes, é, ñ, °) plus the "Â"+NBSP mojibake pairs.
         */
        Charset likelySingleByteCharset() {
            if (MAC_ROMAN == null) {
                return WINDOWS_1252;
            }
            long win = score(WINDOWS_1252) + pairA0;
            long mac = score(MAC_ROMAN) + pairCA;
            return mac > 2 * win ? MAC_ROMAN : WINDOWS_1252;
        }

        private long score(Charset cs) {
            long sum = 0;
            for (int i = 0; i < 128; i++) {
                if (high[i] > 0) {
                    char c = new String(new byte[] {(byte) (i + 128)}, cs).charAt(0);
                    if ("\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u00e9\u00c9\u00f1\u00d1\u00b0".indexOf(c) >= 0) {
                        sum += high[i];
                    }
                }
            }
            return sum;
        }
    }
}
