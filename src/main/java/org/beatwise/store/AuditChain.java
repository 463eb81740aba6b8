package org.beatwise.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links one audit entry to the one before it: SHA-256 over the previous entry's hash
 * and every field of this entry. Each field is length-prefixed so no two different entries encode
 * alike (a detail ending in a separator cannot pass for the next field).
 */
final class AuditChain {

    /** The link of the first chained entry, which has no entry before it. */
    static final String START = "0".repeat(64);

    private AuditChain() { }

    static String hash(String prevHash, long id, Long prevId, Instant at, String username, String event, String detail) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, prevHash);
        field(sb, prevId == null ? null : prevId.toString());
        field(sb, Long.toString(id));
        // Seconds and nanoseconds rather than text, so the hash does not depend on how a time prints.
        field(sb, at.getEpochSecond() + "." + at.getNano());
        field(sb, username);
        field(sb, event);
        field(sb, detail);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append('~');
        } else {
            sb.append(value.length()).append(':').append(value);
        }
    }
}
