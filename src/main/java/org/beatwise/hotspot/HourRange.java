package org.beatwise.hotspot;

/**
 * Hours of the day from {@code from} to {@code to}, both included. When {@code from > to} the range
 * wraps past midnight: 18–2 means 18:00 to 02:59. 0–23 is the whole day.
 */
public record HourRange(int from, int to) {

    public static final HourRange ALL_DAY = new HourRange(0, 23);

    public HourRange {
        if (from < 0 || from > 23) {
            throw new IllegalArgumentException("hours.from must be 0–23, was " + from);
        }
        if (to < 0 || to > 23) {
            throw new IllegalArgumentException("hours.to must be 0–23, was " + to);
        }
    }

    public boolean contains(int hour) {
        return from <= to ? hour >= from && hour <= to : hour >= from || hour <= to;
    }

    public boolean isAllDay() {
        return from == 0 && to == 23 || from == to + 1;
    }

    /** "18-2" or "18–2" as an analyst would type it. */
    public static HourRange parse(String text) {
        String[] parts = text.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("hours must look like 18-2, was '" + text + "'");
        }
        try {
            return new HourRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hours must look like 18-2, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
