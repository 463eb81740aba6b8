package org.beatwise.ui.common;

import java.util.Collection;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Axes that say what they measure: a title with its unit, percentages on a fixed 0–100 % scale (an
 * automatic range would run a probability to 110), and counts with whole-number ticks only.
 */
public final class ChartAxes {

    private ChartAxes() { }

    /** 0–100 in steps of 10; values must be given in percent. */
    public static NumberAxis percent(String title) {
        NumberAxis axis = new NumberAxis(0, 100, 10);
        axis.setAutoRanging(false);
        axis.setLabel(title);
        axis.setMinorTickCount(2);
        axis.getStyleClass().add("percent-axis");
        return axis;
    }

    /** A count such as k; call {@link #fitCounts} with the values shown. */
    public static NumberAxis count(String title) {
        NumberAxis axis = new NumberAxis(0, 10, 1);
        axis.setAutoRanging(false);
        axis.setLabel(title);
        axis.setMinorTickVisible(false);
        axis.getStyleClass().add("count-axis");
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Long.toString(Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s);
            }
        });
        return axis;
    }

    /** Bounds one step beyond the smallest and largest count, with a whole tick step of at most ten ticks. */
    public static void fitCounts(NumberAxis axis, Collection<? extends Number> values) {
        long min = values.stream().mapToLong(Number::longValue).min().orElse(0);
        long max = values.stream().mapToLong(Number::longValue).max().orElse(10);
        long lower = Math.max(0, min - 1);
        long upper = Math.max(lower + 1, max + 1);
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(Math.max(1, (long) Math.ceil((upper - lower) / 10.0)));
    }
}
