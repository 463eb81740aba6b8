package org.beatwise.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules: at least 12 characters, at most 72 bytes in UTF-8 (bcrypt ignores whatever follows, so a
 * longer password would be silently cut short), not containing the username, not a commonly used password.
 * The common list ships in {@code lib-data/common-passwords.txt} (see its provenance file).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most this many bytes of a password. */
    public static final int MAX_BYTES = 72;
    static final String COMMON_LIST = "/lib-data/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = Set.copyOf(commonPasswords);
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the application");
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + COMMON_LIST, e);
        }
    }

    public int commonCount() {
        return common.size();
    }

    /** Every rule the password breaks, in the order a user should fix them; empty when it is fine. */
    public List<String> problems(String username, CharSequence password) {
        List<String> problems = new ArrayList<>();
        String pw = password == null ? "" : password.toString();
        if (pw.length() < MIN_LENGTH) {
            problems.add("Password must be at least " + MIN_LENGTH + " characters (it has " + pw.length() + ").");
        }
        int bytes = pw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add("Password must be at most " + MAX_BYTES + " bytes (it has " + bytes
                    + "; letters beyond plain English take 2 to 4 bytes each).");
        }
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String lower = pw.toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && lower.contains(user)) {
            problems.add("Password must not contain the username.");
        }
        if (common.contains(lower)) {
            problems.add("Password is on the list of commonly used passwords.");
        }
        return problems;
    }
}
