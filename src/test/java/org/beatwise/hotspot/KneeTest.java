package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {

    @Test
    void findsTheBendOfASharpElbow() {
        List<ElbowPoint> curve = List.of(new ElbowPoint(2, 100), new ElbowPoint(3, 50), new ElbowPoint(4, 20),
                new ElbowPoint(5, 15), new ElbowPoint(6, 12), new ElbowPoint(7, 10), new ElbowPoint(8, 9));
        assertEquals(4, Knee.find(curve));
    }

    @Test
    void findsTheKneeOfAOneOverKCurve() {
        List<ElbowPoint> curve = new ArrayList<>();
        for (int k = 2; k <= 20; k++) {
            curve.add(new ElbowPoint(k, 1000.0 / k));
        }
        // For 1/k on 2..20 the point farthest below the chord is at sqrt(2 * 20) ≈ 6.3.
        assertEquals(6, Knee.find(curve));
    }

    @Test
    void aStraightLineHasNoKneeSoTheFirstKIsReturned() {
        List<ElbowPoint> line = List.of(new ElbowPoint(2, 30), new ElbowPoint(3, 20), new ElbowPoint(4, 10));
        assertEquals(2, Knee.find(line));
    }
}
