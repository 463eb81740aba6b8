package org.beatwise.auth;

import java.util.regex.Pattern;

/** Which usernames are accepted: 3–64 letters, digits, dot, dash or underscore. */
final class Usernames {

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}._-]{3,64}");

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
}
