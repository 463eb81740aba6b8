package org.beatwise.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Parses incident dates to local wall-clock time. Either the known formats, recognised per value by
 * shape with hand-written fast paths (DateTimeFormatter costs about a microsecond and an exception
 * per miss, too much at 200,000 rows/s), or one java.time pattern given by the user.
 *
 * <p>Known formats:
 * <ul>
 *   <li>{@code 2016-01-01 00:00:00}, ISO-8601 {@code 2016-01-01T00:00[:00[.fff]]}, each with an optional
 *       zone suffix ({@code +00}, {@code Z}, {@code -05:00}) that is <em>ignored</em>: the BPD writes
 *       local wall-clock time and appends "+00" anyway (its HOUR column agrees with the clock time);</li>
 *   <li>US order {@code M/d/yy H:mm} (the spreadsheet-saved BPD files), {@code M/d/yyyy h:mm:ss a};</li>
 *   <li>year first {@code yyyy/MM/dd hh:mm:ss a} (also 24-hour without AM/PM).</li>
 * </ul>
 * Two-digit years 00–69 are 20xx and 70–99 are 19xx, as POSIX {@code %y}. Every parse method returns
 * null instead of throwing when the value does not parse.
 */
public final class DateParser {

    /** Human-readable list for messages. */
    public static final String KNOWN_FORMATS =
            "yyyy-MM-dd HH:mm:ss (optional +00), ISO-8601, M/d/yy H:mm, M/d/yyyy h:mm:ss a, yyyy/MM/dd hh:mm:ss a";

    private static final DateParser KNOWN = new DateParser(null, null);

    private final String pattern;
    private final DateTimeFormatter formatter;

    private DateParser(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    public static DateParser known() {
        return KNOWN;
    }

    /** A parser for one java.time pattern (English month and AM/PM names); null means {@link #known()}. */
    public static DateParser of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return KNOWN;
        }
        try {
            return new DateParser(pattern, DateTimeFormatter.ofPattern(pattern, Locale.US));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' is not a java.time pattern: " + e.getMessage());
        }
    }

    /** The user pattern, or null for the known formats. */
    public String pattern() {
        return pattern;
    }

    public String describe() {
        return pattern == null ? "known formats" : "pattern '" + pattern + "'";
    }

    /** A date-time value; with a user pattern that has no time part, midnight. */
    public LocalDateTime parseDateTime(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (formatter != null) {
            return parseWithPattern(s, true);
        }
        Cursor c = new Cursor(s.trim());
        try {
            LocalDate date = c.date();
            if (date == null || !c.skipDateTimeSeparator()) {
                return null;
            }
            LocalTime time = c.time(true);
            return time == null ? null : LocalDateTime.of(date, time);
        } catch (DateTimeException e) {
            return null; // e.g. 2/30/15: right shape, no such day
        }
    }

    /** A date column plus a separate time column (a time part in the date column is ignored). */
    public LocalDateTime parseDateAndTime(String dateText, String timeText) {
        if (dateText == null || dateText.isEmpty() || timeText == null || timeText.isEmpty()) {
            return null;
        }
        try {
            LocalDate date;
            if (formatter != null) {
                LocalDateTime dt = parseWithPattern(dateText, false);
                date = dt == null ? null : dt.toLocalDate();
            } else {
                date = new Cursor(dateText.trim()).date();
            }
            if (date == null) {
                return null;
            }
            Cursor t = new Cursor(timeText.trim());
            LocalTime time = t.allDigits() ? t.militaryTime() : t.time(true);
            return time == null ? null : LocalDateTime.of(date, time);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private LocalDateTime parseWithPattern(String s, boolean withTime) {
        try {
            TemporalAccessor t = formatter.parse(s.trim());
            LocalDate date = LocalDate.from(t);
            if (withTime && t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
                return LocalDateTime.of(date, LocalTime.from(t));
            }
            return date.atStartOfDay();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A position in the text being parsed; one short-lived object per value. */
    private static final class Cursor {
        private final String s;
        private final int n;
        private int p;

        Cursor(String s) {
            this.s = s;
            this.n = s.length();
        }

        /** yyyy-MM-dd, yyyy/M/d or M/d/yy(yy); null when the text has none of these shapes. */
        LocalDate date() {
            int start = p;
            int a = number(4);
            int aLen = p - start;
            if (a < 0 || p >= n) {
                return null;
            }
            char sep = s.charAt(p);
            if (sep != '-' && sep != '/') {
                return null;
            }
            p++;
            int b = number(2);
            if (b < 0 || p >= n || s.charAt(p) != sep) {
                return null;
            }
            p++;
            int cStart = p;
            int c = number(4);
            int cLen = p - cStart;
            if (c < 0) {
                return null;
            }
            if (aLen == 4) {                       // year first: yyyy-MM-dd or yyyy/M/d
                return LocalDate.of(a, b, c);
            }
            if (sep != '/' || aLen > 2) {
                return null;
            }
            int year = cLen == 4 ? c : cLen == 2 ? (c <= 69 ? 2000 + c : 1900 + c) : -1;
            return year < 0 ? null : LocalDate.of(year, a, b);  // US order M/d/y
        }

        /** Between date and time: one 'T' or one or more spaces. */
        boolean skipDateTimeSeparator() {
            if (p < n && s.charAt(p) == 'T') {
                p++;
                return true;
            }
            int start = p;
            while (p < n && s.charAt(p) == ' ') {
                p++;
            }
            return p > start;
        }

        /** H:mm[:ss[.fff]] with optional AM/PM and, when allowed, an ignored zone suffix. */
        LocalTime time(boolean allowZone) {
            int h = number(2);
            if (h < 0 || p >= n || s.charAt(p) != ':') {
                return null;
            }
            p++;
            int m = number(2);
            if (m < 0) {
                return null;
            }
            int sec = 0;
            int nano = 0;
            if (p < n && s.charAt(p) == ':') {
                p++;
                sec = number(2);
                if (sec < 0) {
                    return null;
                }
                if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
                    p++;
                    int digits = 0;
                    while (p < n && isDigit(s.charAt(p))) {
                        if (digits < 9) {
                            nano = nano * 10 + (s.charAt(p) - '0');
                        }
                        digits++;
                        p++;
                    }
                    if (digits == 0) {
                        return null;
                    }
                    for (int d = digits; d < 9; d++) {
                        nano *= 10;
                    }
                }
            }
            int save = p;
            while (p < n && s.charAt(p) == ' ') {
                p++;
            }
            if (p + 1 < n && (s.charAt(p + 1) == 'M' || s.charAt(p + 1) == 'm')) {
                char ap = s.charAt(p);
                boolean pm = ap == 'P' || ap == 'p';
                if (!pm && ap != 'A' && ap != 'a') {
                    return null;
                }
                if (h < 1 || h > 12) {
                    return null;
                }
                h = h % 12 + (pm ? 12 : 0);
                p += 2;
            } else {
                p = save;
            }
            if (p < n && !(allowZone && zoneSuffix())) {
                return null;
            }
            return LocalTime.of(h, m, sec, nano);
        }

        /** "1430", "930" or "5" (minutes past midnight written without a colon, as LAPD exports do). */
        LocalTime militaryTime() {
            int v = number(4);
            return v < 0 || p != n ? null : LocalTime.of(v / 100, v % 100);
        }

        boolean allDigits() {
            for (int i = 0; i < n; i++) {
                if (!isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return n > 0;
        }

        /** Z, UTC, or +hh[[:]mm] / -hh[[:]mm], possibly after a space; consumes the rest. */
        private boolean zoneSuffix() {
            while (p < n && s.charAt(p) == ' ') {
                p++;
            }
            String rest = s.substring(p);
            if (rest.equals("Z") || rest.equalsIgnoreCase("UTC") || rest.equalsIgnoreCase("GMT")) {
                p = n;
                return true;
            }
            char sign = p < n ? s.charAt(p) : 'x';
            if (sign != '+' && sign != '-') {
                return false;
            }
            for (int i = p + 1; i < n; i++) {
                char c = s.charAt(i);
                if (!isDigit(c) && c != ':') {
                    return false;
                }
            }
            boolean ok = n - p >= 3;
            p = n;
            return ok;
        }

        /** 1..maxDigits digits as an int, or -1 (position unchanged) when there is no digit. */
        private int number(int maxDigits) {
            int v = 0;
            int start = p;
            while (p < n && p - start < maxDigits && isDigit(s.charAt(p))) {
                v = v * 10 + (s.charAt(p) - '0');
                p++;
            }
            if (p == start || (p < n && isDigit(s.charAt(p)))) {
                p = start;
                return -1;
            }
            return v;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
