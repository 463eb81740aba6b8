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
            line.setLength(0);
            line.append(r.incidentId()).append('\u001f').append(r.occurredAt()).append('\u001f')
                    .append(r.lat()).append('\u001f').append(r.lon()).append('\u001f')
                    .append(r.offense()).append('\u001f').append(r.offenseCode()).append('\u001f')
                    .append(r.offenseGroup()).append('\n');
            md.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
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
