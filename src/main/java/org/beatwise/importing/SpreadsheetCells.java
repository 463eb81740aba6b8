package org.beatwise.importing;

/**
 * Keeps exported text from running as a spreadsheet formula, and undoes that on import so an export
 * re-imports unchanged. A text cell starting with {@code = + - @}, tab or CR (after any leading
 * apostrophes) gets one more leading apostrophe, which spreadsheets show as text; plain numbers such
 * as a longitude of -71.08 are left alone because a spreadsheet reads them as numbers, not formulas.
 * Counting the apostrophes makes the mapping reversible: a value that already began with
 * {@code '=} is written {@code ''=} and read back as {@code '=}.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() { }

    /** The text as a spreadsheet will show it rather than run it; the exports of every kind call this one. */
    public static String protect(String s) {
        return looksEscapable(s) ? "'" + s : s;
    }

    static String unprotect(String s) {
        return s.startsWith("'") && looksEscapable(s) ? s.substring(1) : s;
    }

    private static boolean looksEscapable(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == '\'') {
            k++;
        }
        if (k == s.length()) {
            return false;
        }
        char c = s.charAt(k);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return k > 0 || !isPlainNumber(s);
    }

    /** An optional sign, digits, at most one point with digits: what a spreadsheet reads as a number. */
    static boolean isPlainNumber(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
