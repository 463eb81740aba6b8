package org.beatwise.auth;

import java.util.regex.Pattern;

/** Which usernames are accepted: 3–64 letters, digits, dot, dash or underscore. */
final class Usernames {

    static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}._-]{3," + MAX_LENGTH + "}");

    private Usernames() { }

    static String problem(String username) {
        if (username == null || username.isBlank()) {
            return "Username is required.";
        }
        if (!VALID.matcher(username.strip()).matches()) {
            return "Username must be 3 to 64 letters, digits, '.', '-' or '_'.";
        }
        return null;
    }

    /** Longer than any account can be: refused before it reaches a query (the column holds 64). */
    static boolean tooLong(String username) {
        return username != null && username.strip().length() > MAX_LENGTH;
    }

    /**
     * How a name that matches no account is written to the audit log: people type passwords into the
     * name box, so the text itself is never kept.
     */
    static String redacted(String typed) {
        return "unknown name (" + (typed == null ? 0 : typed.length()) + " characters)";
    }
}
