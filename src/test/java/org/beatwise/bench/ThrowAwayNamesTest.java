package org.beatwise.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThrowAwayNamesTest {

    private final ThrowAwayNames names = new ThrowAwayNames("bench-scale-");

    @Test
    void onlyThisHostsDatasetsOfProcessesThatAreGoneAreLeftBehind() {
        String deadHere = names.name("station-7", 4242, 1);
        String aliveHere = names.name("station-7", 77, 2);
        String deadElsewhere = names.name("station-70", 4242, 3); // a longer host name with this one as its start
        String analysts = "bench-scale-station-7-notes";
        Set<Long> alive = Set.of(77L);
        List<String> left = names.leftBehind(List.of(analysts, deadHere, aliveHere, deadElsewhere, "mattapan"),
                "station-7", alive::contains);
        assertEquals(List.of(deadHere), left);
    }

    @Test
    void aNameSaysItsHostAndProcess() {
        assertEquals("bench-scale-h-12-34", names.name("h", 12, 34));
        assertFalse(ThrowAwayNames.thisHost().isBlank());
    }
}
