package org.beatwise.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.beatwise.domain.Incident;

/** SHA-256 fingerprints of rows and bytes, for provenance and bundle integrity. */
public final class RowHash {

    private RowHash() { }

    /**
     * Hash of the rows in order, over the fields that matter to a model: id, time, coordinates and
     * the three offence fields, one line per row with fields joined by a unit separator.
     */
    public static String of(List<Incident> rows) {
        MessageDigest md = sha256();
        StringBuilder line = new StringBuilder(160);
        for (Incident r : rows) {
            md.update(line(r, line));
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
        StringBuilder line = new StringBuilder(160);
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            byte[] bytes = line(rows.get(i), line);
            all.update(bytes);
            if (next < subset.length && subset[next] == i) {
                some.update(bytes);
                next++;
            }
        }
        if (next != subset.length) {
            throw new IllegalArgumentException("the subset must be ascending row indices");
        }
        return new String[] {HexFormat.of().formatHex(all.digest()), HexFormat.of().formatHex(some.digest())};
    }

    private static byte[] line(Incident r, StringBuilder line) {
        line.setLength(0);
        line.append(r.incidentId()).append('\u001f').append(r.occurredAt()).append('\u001f')
                .append(r.lat()).append('\u001f').append(r.lon()).append('\u001f')
                .append(r.offense()).append('\u001f').append(r.offenseCode()).append('\u001f')
                .append(r.offenseGroup()).append('\n');
        return line.toString().getBytes(StandardCharsets.UTF_8);
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
}
