package org.beatwise.hotspot;

import java.time.LocalDate;

/**
 * How hotspots are judged on the future: fit on the past, count what falls inside next, and compare
 * with a grid of square cells covering the same area.
 *
 * <p>One window ({@code windows = 1}) is today's single split: a test period from {@code testFrom} on,
 * or the last {@code testShare} of the time span. More windows are a rolling origin: the last
 * {@code windows × windowDays} days of the data cut into consecutive test windows, each judged on a
 * fit to everything before it.
 *
 * @param testFrom first day of the test period, or null to test on the last {@code testShare} of the time span
 * @param testShare share of the time span held out when {@code testFrom} is null (default 0.2)
 * @param cellSizeM side of the grid baseline's (and Gi*'s) square cells in metres (default 150)
 * @param windows consecutive test windows, 1–60 (default 1)
 * @param windowDays days in each test window when {@code windows > 1}, 1–366 (default 30)
 */
public record Backtest(LocalDate testFrom, double testShare, double cellSizeM, int windows, int windowDays) {

    public static final int MAX_WINDOWS = 60;

    public Backtest {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1), was " + testShare);
        }
        if (!(cellSizeM >= 10 && cellSizeM <= 5_000)) {
            throw new IllegalArgumentException("cellSizeM must be in [10, 5000], was " + cellSizeM);
        }
        if (windows < 1 || windows > MAX_WINDOWS) {
            throw new IllegalArgumentException("windows must be between 1 and " + MAX_WINDOWS + ", was " + windows);
        }
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("windowDays must be between 1 and 366, was " + windowDays);
        }
        if (testFrom != null && windows > 1) {
            throw new IllegalArgumentException("windows must be 1 when testFrom is set (was " + windows
                    + "); use either a test start or rolling windows");
        }
    }

    /** Today's single split (kept for callers that predate rolling windows). */
    public Backtest(LocalDate testFrom, double testShare, double cellSizeM) {
        this(testFrom, testShare, cellSizeM, 1, 30);
    }

    public static Backtest defaults() {
        return new Backtest(null, 0.2, 150, 1, 30);
    }

    public Backtest withTestFrom(LocalDate day) {
        return new Backtest(day, testShare, cellSizeM, windows, windowDays);
    }

    public Backtest withCellSize(double metres) {
        return new Backtest(testFrom, testShare, metres, windows, windowDays);
    }

    public Backtest withWindows(int newWindows, int newWindowDays) {
        return new Backtest(testFrom, testShare, cellSizeM, newWindows, newWindowDays);
    }
}
