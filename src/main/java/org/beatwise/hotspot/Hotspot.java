package org.beatwise.hotspot;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One hotspot circle as an analyst reads it: ranked and described by the incidents within it.
 *
 * @param rank 1 for the hotspot with most incidents within its circle (then most nearest)
 * @param lat centre latitude (the cluster mean, projected back)
 * @param lon centre longitude
 * @param count incidents assigned to this hotspot (nearest centre)
 * @param share count over all incidents used
 * @param radiusM circle radius in metres (share of its incidents, or fixed)
 * @param areaKm2 area of this circle alone
 * @param inside incidents of this hotspot that lie within its circle
 * @param topOffences up to three most common offences within the circle, most first (of the nearest
 *                    incidents when none lies within)
 * @param hourCounts incidents within the circle per hour of day, index 0 = 00:00–00:59 (as the offences)
 * @param dayCounts incidents within the circle per day of week, index 0 = Monday (as the offences)
 */
public record Hotspot(int rank, double lat, double lon, int count, double share, double radiusM, double areaKm2,
                      int inside, List<OffenceShare> topOffences, List<Integer> hourCounts, List<Integer> dayCounts) {

    public Hotspot {
        topOffences = List.copyOf(topOffences);
        hourCounts = List.copyOf(hourCounts);
        dayCounts = List.copyOf(dayCounts);
        if (hourCounts.size() != 24 || dayCounts.size() != 7) {
            throw new IllegalArgumentException("hourCounts needs 24 and dayCounts 7 entries, were "
                    + hourCounts.size() + " and " + dayCounts.size());
        }
    }

    /** The {@code n} hours with most incidents, busiest first (ties: earlier hour first). */
    public List<Integer> busiestHours(int n) {
        return IntStream.range(0, 24).boxed()
                .sorted(Comparator.comparing((Integer h) -> -hourCounts.get(h)).thenComparing(h -> h))
                .limit(n).toList();
    }

    /** The {@code n} days with most incidents, busiest first (ties: earlier in the week first). */
    public List<DayOfWeek> busiestDays(int n) {
        return IntStream.range(0, 7).boxed()
                .sorted(Comparator.comparing((Integer d) -> -dayCounts.get(d)).thenComparing(d -> d))
                .limit(n).map(d -> DayOfWeek.of(d + 1)).toList();
    }
}
