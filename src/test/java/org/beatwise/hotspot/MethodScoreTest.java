package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MethodScoreTest {

    @Test
    void paiIsHitRateOverAreaShare() {
        // 20 of 100 test incidents caught in 1 km² of a 50 km² study area: 0.20 / 0.02 = 10.
        MethodScore s = MethodScore.of("kmeans", 20, 100, 1e6, 50e6, 40);
        assertEquals(0.20, s.hitRate(), 1e-12);
        assertEquals(1.0, s.areaKm2(), 1e-12);
        assertEquals(10.0, s.pai(), 1e-12);
        assertEquals(0.5, s.pei(), 1e-12); // 20 of the 40 the best cells of that area could catch
    }

    @Test
    void noStudyAreaOrNoBestCellsGiveNaNRatherThanInfinity() {
        MethodScore s = MethodScore.of("grid", 0, 10, 1e6, 0, 0);
        assertTrue(Double.isNaN(s.pai()));
        assertTrue(Double.isNaN(s.pei()));
    }
}
