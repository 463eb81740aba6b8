package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {

    @Test
    void behavesLikeASetThroughGrowth() {
        LongHashSet s = new LongHashSet(4);
        Set<Long> ref = new HashSet<>();
        Random r = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long k = r.nextInt(50_000) - 25_000L; // includes 0 and repeats
            assertEquals(ref.add(k), s.add(k));
        }
        assertEquals(ref.size(), s.size());
        assertTrue(s.contains(0) == ref.contains(0L));
        assertFalse(s.contains(1L << 40));
    }

    @Test
    void boundingBox() {
        BoundingBox b = BoundingBox.parse("42.2, -71.2, 42.4, -70.9");
        assertTrue(b.contains(42.3, -71.0));
        assertFalse(b.contains(42.5, -71.0));
        assertEquals("bbox south must be <= north, was south=42.4 north=42.2",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> BoundingBox.parse("42.4,-71.2,42.2,-70.9")).getMessage());
        assertEquals("bbox must be south,west,north,east (4 numbers), was '1,2,3'",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> BoundingBox.parse("1,2,3")).getMessage());
    }
}
