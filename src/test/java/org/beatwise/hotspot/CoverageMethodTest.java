package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.geo.Geometry.Circle;
import org.beatwise.geo.LocalProjection;
import org.beatwise.task.Progress;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;

class CoverageMethodTest {

    private static final LocalProjection AROUND = new LocalProjection(42.28, -71.09);

    /** {@code n} incidents on one spot {@code metresEast} east of the projection's centre. */
    private static List<Incident> pile(double metresEast, double metresNorth, int n) {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestIncidents.at(AROUND.lat(metresNorth), AROUND.lon(metresEast)));
        }
        return out;
    }

    private static TrainingSet training(List<Incident> rows) {
        return new TrainingSet(rows, AROUND, LocalDateTime.of(2019, 1, 1, 0, 0), Math.PI * 250 * 250);
    }

    @Test
    void aCircleMovesOffTheIncidentLocationsWhenThatHoldsMore() {
        // Two piles 290 m apart: no 250 m circle centred on either holds both; one centred between them does.
        List<Incident> rows = new ArrayList<>(pile(0, 0, 10));
        rows.addAll(pile(290, 0, 9));
        rows.addAll(pile(0, 2_000, 1)); // a third place, so the study area is not a line
        Layer.Circles layer = (Layer.Circles) new CoverageMethod(1, 250).fit(training(rows), Progress.NONE);
        Circle c = layer.circles().get(0);
        assertTrue(c.x() >= 40 - 1e-6 && c.x() <= 250 + 1e-6, "centre between the piles, was x = " + c.x());
        double[] xs = rows.stream().mapToDouble(i -> AROUND.x(i.lon())).toArray();
        double[] ys = rows.stream().mapToDouble(i -> AROUND.y(i.lat())).toArray();
        assertEquals(19, layer.hits(xs, ys));
    }

    @Test
    void theBestSingleCircleComesFirst() {
        List<Incident> rows = new ArrayList<>(pile(0, 0, 5));
        rows.addAll(pile(3_000, 0, 30));
        rows.addAll(pile(0, 3_000, 12));
        Layer.Circles layer = (Layer.Circles) new CoverageMethod(3, 250).fit(training(rows), Progress.NONE);
        assertEquals(List.of(3_000.0, 0.0, 0.0), layer.circles().stream().map(c -> (double) Math.round(c.x())).toList());
        assertEquals(List.of(0.0, 3_000.0, 0.0), layer.circles().stream().map(c -> (double) Math.round(c.y())).toList());
    }

    @Test
    void theSameDataInAnyOrderGivesTheSameCircles() {
        List<Incident> rows = TestIncidents.fourCentres(3_000);
        List<Incident> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        LocalProjection p = LocalProjection.around(rows);
        LocalDateTime asOf = LocalDateTime.of(2030, 1, 1, 0, 0);
        Layer a = new CoverageMethod(10, 250).fit(new TrainingSet(rows, p, asOf, 1), Progress.NONE);
        Layer b = new CoverageMethod(10, 250).fit(new TrainingSet(reversed, p, asOf, 1), Progress.NONE);
        assertEquals(a, b);
    }

    @Test
    void badInputNamesTheSetting() {
        List<Incident> rows = new ArrayList<>(pile(0, 0, 5));
        rows.addAll(pile(100, 0, 5));
        rows.addAll(pile(0, 100, 5));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new CoverageMethod(2, 250).fit(training(rows), Progress.NONE));
        assertTrue(big.getMessage().startsWith("radius_m = 250 gives one circle of 0.20 km², larger than the study area"),
                big.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> new CoverageMethod(4, 20).fit(training(rows), Progress.NONE));
        assertTrue(many.getMessage().startsWith("k = 4 is more than the 3 distinct incident locations"), many.getMessage());
    }
}
