package org.beatwise.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LocalProjection;

/**
 * The grid baseline: square cells ranked by training-period count, as many top cells as cover the
 * given area. Cells are aligned to the projection's origin. Ties in count go to the lower cell key,
 * so the choice is deterministic.
 *
 * @param hits test-period incidents in the chosen cells
 * @param areaM2 the chosen cells' total area (the target area rounded to whole cells)
 * @param bestPossibleHits test-period incidents in the test period's own busiest cells, same number of cells
 * @param cells the chosen cells, best first
 */
record GridBaseline(int hits, double areaM2, int bestPossibleHits, List<GridCell> cells) {

    static GridBaseline of(List<Incident> train, List<Incident> test, LocalProjection projection, double cell,
                           double targetAreaM2) {
        Map<Long, Integer> trainCounts = counts(train, projection, cell);
        Map<Long, Integer> testCounts = counts(test, projection, cell);
        int wanted = (int) Math.max(1, Math.round(targetAreaM2 / (cell * cell)));
        List<Long> chosen = top(trainCounts, wanted);
        Set<Long> chosenSet = new HashSet<>(chosen);
        int hits = testCounts.entrySet().stream().filter(e -> chosenSet.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        int best = top(testCounts, chosen.size()).stream().mapToInt(testCounts::get).sum();
        List<GridCell> cells = new ArrayList<>();
        for (int r = 0; r < chosen.size(); r++) {
            long key = chosen.get(r);
            int col = (int) (key >> 32);
            int row = (int) key;
            cells.add(new GridCell(r + 1, projection.lat(row * cell), projection.lon(col * cell),
                    projection.lat((row + 1) * cell), projection.lon((col + 1) * cell),
                    trainCounts.get(key), testCounts.getOrDefault(key, 0)));
        }
        return new GridBaseline(hits, chosen.size() * cell * cell, best, cells);
    }

    static long key(double x, double y, double cell) {
        long col = (long) Math.floor(x / cell);
        long row = (long) Math.floor(y / cell);
        return (col << 32) | (row & 0xffffffffL);
    }

    private static Map<Long, Integer> counts(List<Incident> rows, LocalProjection projection, double cell) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Incident i : rows) {
            counts.merge(key(projection.x(i.lon()), projection.y(i.lat()), cell), 1, Integer::sum);
        }
        return counts;
    }

    private static List<Long> top(Map<Long, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
