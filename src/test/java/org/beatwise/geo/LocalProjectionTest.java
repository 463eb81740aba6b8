package org.beatwise.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LocalProjectionTest {

    private final LocalProjection boston = new LocalProjection(42.30, -71.09);

    @Test
    void roundTripReturnsTheSamePosition() {
        for (double[] p : new double[][] {{42.30, -71.09}, {42.25, -71.16}, {42.37, -71.04}, {42.0, -71.5}}) {
            double x = boston.x(p[1]);
            double y = boston.y(p[0]);
            LatLon back = boston.toLatLon(x, y);
            assertEquals(p[0], back.lat(), 1e-12);
            assertEquals(p[1], back.lon(), 1e-12);
        }
    }

    @Test
    void centreIsTheOrigin() {
        assertEquals(0, boston.x(-71.09), 1e-9);
        assertEquals(0, boston.y(42.30), 1e-9);
    }

    @Test
    void distancesAgreeWithHaversineWithinTheDocumentedError() {
        // 7 km north of the centre, then east-west there: the worst case inside a district.
        double lat = 42.30 + 7000 / 111_195.0;
        double[][] pairs = {
            {42.30, -71.09, 42.30, -71.05},          // east-west on the centre's parallel: exact
            {42.30, -71.09, 42.35, -71.09},          // north-south: exact
            {lat, -71.12, lat, -71.06},              // east-west 7 km north: about 0.1 % long
            {42.26, -71.13, 42.34, -71.05},          // diagonal across the district
        };
        for (double[] q : pairs) {
            double projected = Math.hypot(boston.x(q[3]) - boston.x(q[1]), boston.y(q[2]) - boston.y(q[0]));
            double haversine = LatLon.haversineMetres(q[0], q[1], q[2], q[3]);
            assertEquals(haversine, projected, haversine * 0.002, () -> "pair " + java.util.Arrays.toString(q));
        }
    }

    @Test
    void haversineKnowsADegreeOfLatitude() {
        assertEquals(111_195, LatLon.haversineMetres(42, -71, 43, -71), 1);
    }

    @Test
    void refusesAPoleCentre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalProjection(89, 0));
        assertEquals("lat0 must be within 85° of the equator, was 89.0", e.getMessage());
    }
}
