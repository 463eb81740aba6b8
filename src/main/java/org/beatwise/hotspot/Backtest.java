package org.beatwise.hotspot;

import java.time.LocalDate;

/**
 * How hotspots are judged on a future period: fit on the training period, count what falls inside
 * during the test period, and compare with a grid of square cells covering the same area.
 *
 * @param testFrom first day of the test period, or null to test on the last {@code testShare} of the time span
 * @param testShare share of the time span held out when {@code testFrom} is null (default 0.2)
 * @param cellSizeM side of the grid baseline's square cells in metres (default 150)
 */
public record Backtest(LocalDate testFrom, double testShare, double cellSizeM) {

    public Backtest {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1), was " + testShare);
        }
        if (!(cellSizeM >= 10 && cellSizeM <= 5_000)) {
            throw new IllegalArgumentException("cellSizeM must be in [10, 5000], was " + cellSizeM);
        }
    }

    public static Backtest defaults() {
        return new Backtest(null, 0.2, 150);
    }

    public Backtest withTestFrom(LocalDate day) {
        return new Backtest(day, testShare, cellSizeM);
    }

    public Backtest withCellSize(double metres) {
        return new Backtest(testFrom, testShare, metres);
    }
}
