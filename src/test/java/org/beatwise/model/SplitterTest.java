package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.beatwise.domain.Incident;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SplitterTest {

    private static Splitter.Parts split(Split kind, List<Incident> rows, int seed) {
        int[] all = IntStream.range(0, rows.size()).toArray();
        return Splitter.split(kind, all, rows.stream().map(Incident::occurredAt).toList(),
                rows.stream().map(Incident::offense).toList(), seed, 0.2);
    }

    @ParameterizedTest
    @EnumSource(Split.class)
    void partsAreDisjointCoverEverythingAndRepeat(Split kind) {
        List<Incident> rows = TestIncidents.noiseTheftOther(1000, 1);
        Splitter.Parts parts = split(kind, rows, 42);
        assertDisjointAndComplete(parts, rows.size());
        Splitter.Parts again = split(kind, rows, 42);
        assertArrayEquals(parts.train(), again.train());
        assertArrayEquals(parts.test(), again.test());
    }

    @Test
    void temporalTestRowsAreLaterThanAllTrainingRows() {
        List<Incident> rows = TestIncidents.noiseTheftOther(1000, 2);
        Splitter.Parts parts = split(Split.TEMPORAL, rows, 42);
        assertTestLater(parts, rows);
    }

    @Test
    void temporalCutIsAtEightyPercentOfTheTimeSpan() {
        // ten rows one day apart: the span is 9 days, the cut at 7.2 days → days 8 and 9 are test rows
        List<Incident> rows = IntStream.range(0, 10).mapToObj(i -> new Incident("r" + i,
                LocalDateTime.of(2020, 1, 1, 12, 0).plusDays(i), 42.3, -71.1, "X", "1", "g", "B3", i)).toList();
        assertArrayEquals(new int[] {8, 9}, split(Split.TEMPORAL, rows, 1).test());
    }

    @Test
    void stratifiedKeepsClassSharesAndDependsOnTheSeed() {
        List<Incident> rows = TestIncidents.noiseTheftOther(2000, 3);
        Splitter.Parts parts = split(Split.STRATIFIED, rows, 42);
        Map<String, int[]> counts = new HashMap<>();
        for (int r : parts.train()) {
            counts.computeIfAbsent(rows.get(r).offense(), k -> new int[2])[0]++;
        }
        for (int r : parts.test()) {
            counts.computeIfAbsent(rows.get(r).offense(), k -> new int[2])[1]++;
        }
        counts.forEach((label, c) -> assertEquals(0.2, (double) c[1] / (c[0] + c[1]), 0.002, label));
        assertTrue(!Arrays.equals(parts.test(), split(Split.STRATIFIED, rows, 43).test()), "another seed, another split");
    }

    @Test
    void refusesASplitWithAnEmptyPart() {
        List<Incident> sameMoment = IntStream.range(0, 5).mapToObj(i -> new Incident("r" + i,
                LocalDateTime.of(2020, 1, 1, 12, 0), 42.3, -71.1, "X", "1", "g", "B3", i)).toList();
        assertThrows(IllegalArgumentException.class, () -> split(Split.TEMPORAL, sameMoment, 1));
    }

    @Test
    @Tag("real")
    void realMattapanSplitsNeverShareRows() {
        List<Incident> rows = BostonData.mattapan(2015, 2016, 2017, 2018);
        for (Split kind : Split.values()) {
            assertDisjointAndComplete(split(kind, rows, 42), rows.size());
        }
        assertTestLater(split(Split.TEMPORAL, rows, 42), rows);
    }

    private static void assertDisjointAndComplete(Splitter.Parts parts, int n) {
        boolean[] seen = new boolean[n];
        for (int r : parts.train()) {
            seen[r] = true;
        }
        for (int r : parts.test()) {
            assertTrue(!seen[r], "row " + r + " is in both parts");
            seen[r] = true;
        }
        assertEquals(n, parts.train().length + parts.test().length);
    }

    private static void assertTestLater(Splitter.Parts parts, List<Incident> rows) {
        LocalDateTime lastTrain = Arrays.stream(parts.train()).mapToObj(r -> rows.get(r).occurredAt())
                .max(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime firstTest = Arrays.stream(parts.test()).mapToObj(r -> rows.get(r).occurredAt())
                .min(LocalDateTime::compareTo).orElseThrow();
        assertTrue(firstTest.isAfter(lastTrain), firstTest + " is not after " + lastTrain);
    }
}
