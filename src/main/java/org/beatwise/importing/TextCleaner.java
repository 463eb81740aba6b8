package org.beatwise.importing;

/**
 * Cleans text values so that the same offence written two ways becomes one value: drops the
 * spreadsheet mojibake {@code Â} that precedes a no-break space (UTF-8 NBSP read as Latin-1 and saved
 * again), turns no-break spaces, tabs and line breaks into spaces, collapses runs of spaces and trims.
 *
 * <p>Runs once per text field on every row, so it scans without regex and returns the input itself
 * when there is nothing to change (the common case).
 */
public final class TextCleaner {

    private static final char NBSP = '\u00a0';
    private static final char A_CIRC = '\u00c2';

    private TextCleaner() { }

    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        if (n == 0) {
            return s;
        }
        if (!needsWork(s, n)) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == A_CIRC && i + 1 < n && s.charAt(i + 1) == NBSP) {
                continue; // the Â of "Â\u00a0"; the NBSP itself becomes a space below
            }
            if (isSpace(c)) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean needsWork(String s, int n) {
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return true;
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == NBSP || c == A_CIRC || (c == ' ' && prev == ' ')) {
                return true;
            }
            prev = c;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == NBSP || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }
}
