package org.beatwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.beatwise.features.Query;
import org.beatwise.geo.LocalProjection;

/**
 * How one prediction responds when only one input changes: the hour (0–23), the day of the week, or the
 * place (a square grid around the point). Each variant is one ordinary call of the predictor, so a sweep
 * shows exactly what the model would say for that input. It describes the model, never the world: a
 * probability that rises at night says the model learned that pattern, not that night causes it.
 */
public final class Sensitivity {

    public static final int TOP_CLASSES = 3;
    public static final int GRID = 7;
    public static final double GRID_STEP_M = 150;
    /** How much larger one spread must be than the other before the statement names a winner. */
    static final double CLEAR_RATIO = 1.5;

    private final Predictor predictor;

    public Sensitivity(Predictor predictor) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
    }

    /**
     * @param values        the input's values, in order (hours 0–23, or days 1 = Monday … 7)
     * @param probabilities for each value, the probability of each of {@code classes}
     */
    public record Sweep(String input, List<Integer> values, List<String> classes, List<List<Double>> probabilities) {
        public Sweep {
            values = List.copyOf(values);
            classes = List.copyOf(classes);
            probabilities = probabilities.stream().map(List::copyOf).toList();
        }

        /** Largest minus smallest probability of the class at {@code classIndex} across the sweep. */
        public double spread(int classIndex) {
            double min = 1;
            double max = 0;
            for (List<Double> p : probabilities) {
                min = Math.min(min, p.get(classIndex));
                max = Math.max(max, p.get(classIndex));
            }
            return max - min;
        }
    }

    /** @param eastM metres east of the point (negative: west); northM likewise */
    public record GridPoint(double lat, double lon, double eastM, double northM, double probability) { }

    /** The probability of {@code topClass} at each point of a {@code size}×{@code size} grid, row by row from the south-west. */
    public record PlaceGrid(String topClass, int size, double stepM, List<GridPoint> points) {
        public PlaceGrid {
            points = List.copyOf(points);
        }

        public double spread() {
            double min = 1;
            double max = 0;
            for (GridPoint p : points) {
                min = Math.min(min, p.probability());
                max = Math.max(max, p.probability());
            }
            return max - min;
        }
    }

    /**
     * Everything the pane shows for one prediction, with a statement built only from the measured spreads.
     *
     * @param hourSpread  range of the top class's probability across the 24 hours
     * @param placeSpread range of it across the place grid
     */
    public record Explanation(Query query, Sweep hours, Sweep days, PlaceGrid place, double hourSpread, double daySpread,
                              double placeSpread, String statement) { }

    public Explanation explain(Query q) {
        Sweep hours = hours(q, TOP_CLASSES);
        Sweep days = days(q, TOP_CLASSES);
        PlaceGrid place = place(q, GRID, GRID_STEP_M);
        double h = hours.spread(0);
        double d = days.spread(0);
        double p = place.spread();
        return new Explanation(q, hours, days, place, h, d, p, statement(hours.classes().get(0), h, p, place));
    }

    static String statement(String top, double hourSpread, double placeSpread, PlaceGrid place) {
        double reach = (place.size() / 2) * place.stepM();
        String measured = String.format(Locale.ROOT, "The probability of %s moves by %.1f points across the 24 hours and by "
                + "%.1f points across the %d×%d places within ±%.0f m.", top, 100 * hourSpread, 100 * placeSpread,
                place.size(), place.size(), reach);
        String lean;
        if (hourSpread > CLEAR_RATIO * placeSpread) {
            lean = " Here the model leans on the hour more than on the place.";
        } else if (placeSpread > CLEAR_RATIO * hourSpread) {
            lean = " Here the model leans on the place more than on the hour.";
        } else {
            lean = " Here the model leans on the hour and the place about equally.";
        }
        return measured + lean + " This describes the model's answers, not what causes crime.";
    }

    /** The top classes' probabilities as only the hour changes, 0 to 23. */
    public Sweep hours(Query q, int top) {
        List<Integer> values = new ArrayList<>();
        List<Query> variants = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            values.add(h);
            variants.add(new Query(h, q.dayOfWeek(), q.month(), q.lat(), q.lon()));
        }
        return sweep("hour", q, top, values, variants);
    }

    /** The top classes' probabilities as only the day changes, Monday (1) to Sunday (7). */
    public Sweep days(Query q, int top) {
        List<Integer> values = new ArrayList<>();
        List<Query> variants = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            values.add(d);
            variants.add(new Query(q.hour(), d, q.month(), q.lat(), q.lon()));
        }
        return sweep("day_of_week", q, top, values, variants);
    }

    private Sweep sweep(String input, Query q, int top, List<Integer> values, List<Query> variants) {
        int[] classes = topClasses(q, top);
        double[] p = new double[predictor.classes().size()];
        List<List<Double>> rows = new ArrayList<>();
        for (Query v : variants) {
            predictor.probabilities(v, p);
            List<Double> row = new ArrayList<>(classes.length);
            for (int c : classes) {
                row.add(p[c]);
            }
            rows.add(row);
        }
        return new Sweep(input, values, names(classes), rows);
    }

    /** The top class's probability on a grid of {@code size}×{@code size} points {@code stepM} apart, centred on the point. */
    public PlaceGrid place(Query q, int size, double stepM) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("size must be an odd number >= 1, was " + size);
        }
        if (!(stepM > 0)) {
            throw new IllegalArgumentException("stepM must be > 0, was " + stepM);
        }
        int top = topClasses(q, 1)[0];
        LocalProjection around = new LocalProjection(q.lat(), q.lon());
        double[] p = new double[predictor.classes().size()];
        List<GridPoint> points = new ArrayList<>(size * size);
        int half = size / 2;
        for (int row = -half; row <= half; row++) {
            for (int col = -half; col <= half; col++) {
                double east = col * stepM;
                double north = row * stepM;
                double lat = Math.max(-90, Math.min(90, around.lat(north)));
                double lon = Math.max(-180, Math.min(180, around.lon(east)));
                predictor.probabilities(new Query(q.hour(), q.dayOfWeek(), q.month(), lat, lon), p);
                points.add(new GridPoint(lat, lon, east, north, p[top]));
            }
        }
        return new PlaceGrid(predictor.classes().get(top), size, stepM, points);
    }

    /** Indices of the {@code top} most probable classes for the query itself, most probable first. */
    private int[] topClasses(Query q, int top) {
        double[] p = new double[predictor.classes().size()];
        predictor.probabilities(q, p);
        int[] order = Predictor.rank(p);
        return java.util.Arrays.copyOf(order, Math.min(top, order.length));
    }

    private List<String> names(int[] classes) {
        List<String> out = new ArrayList<>();
        for (int c : classes) {
            out.add(predictor.classes().get(c));
        }
        return out;
    }
}
