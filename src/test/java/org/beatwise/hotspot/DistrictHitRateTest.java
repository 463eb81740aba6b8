package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * The backtest's per-district table on a hand-built dataset whose answer is known by construction:
 * two busy corners (one per district) the circles must cover, scattered incidents of a third district
 * far from both, and a few without a district.
 */
class DistrictHitRateTest {

    private static final LocalProjection AT = new LocalProjection(42.30, -71.09);
    private static int next;

    private static Incident at(double east, double north, LocalDateTime when, String district) {
        LatLon p = AT.toLatLon(east, north);
        return new Incident("H" + next++, when, p.lat(), p.lon(), "LARCENY", "619", "Larceny", district, next);
    }

    /**
     * Training (2020-01 … 2020-05): 100 at A (0, 0) in B3, 100 at B (3000, 0) in C11, 30 scattered E18
     * incidents 2 km north. Test (from 2020-07-01): B3 40 at A and 10 scattered 2 km south (misses); C11
     * 30 at B; E18 25 scattered 2 km south; 5 at A without a district.
     */
    static List<Incident> handBuilt() {
        List<Incident> rows = new ArrayList<>();
        LocalDateTime train = LocalDateTime.of(2020, 1, 1, 10, 0);
        for (int i = 0; i < 100; i++) {
            rows.add(at(0, 0, train.plusHours(i * 30L), "B3"));
            rows.add(at(3000, 0, train.plusHours(i * 30L + 1), "C11"));
        }
        for (int i = 0; i < 30; i++) {
            rows.add(at(-1500 + i * 200, 2000, train.plusDays(i * 4L), "E18"));
        }
        LocalDateTime test = LocalDateTime.of(2020, 7, 1, 10, 0);
        for (int i = 0; i < 40; i++) {
            rows.add(at(0, 0, test.plusHours(i * 20L), "B3"));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(at(-1000 + i * 220, -2000, test.plusHours(i * 20L + 3), "B3"));
        }
        for (int i = 0; i < 30; i++) {
            rows.add(at(3000, 0, test.plusHours(i * 20L + 5), " C11 "));
        }
        for (int i = 0; i < 25; i++) {
            rows.add(at(-1200 + i * 170, -2100, test.plusHours(i * 20L + 7), "E18"));
        }
        for (int i = 0; i < 5; i++) {
            rows.add(at(0, 0, test.plusHours(i * 20L + 9), i % 2 == 0 ? null : ""));
        }
        return rows;
    }

    private static HotspotSettings twoCircles() {
        return HotspotSettings.defaults().withK(2).withRestarts(2).withMethod(MethodChoice.COVERAGE)
                .withRadius(new RadiusRule.Fixed(250))
                .withBacktest(Backtest.defaults().withTestFrom(LocalDate.of(2020, 7, 1)));
    }

    @Test
    void perDistrictFiguresEqualADirectCount() {
        HotspotResult r = new HotspotFinder(1).run(handBuilt(), twoCircles(), List.of(), Progress.NONE);
        Map<String, DistrictHitRate> table = r.evaluation().districts().stream()
                .collect(Collectors.toMap(DistrictHitRate::district, Function.identity()));

        assertEquals(List.of("B3", "C11", "E18", DistrictHitRate.NONE),
                r.evaluation().districts().stream().map(DistrictHitRate::district).toList(), "busiest first");
        assertEquals(new DistrictHitRate("B3", 50, 40, 0.8, 50 / 110.0, 40, 0.8, ""), table.get("B3"));
        assertEquals(new DistrictHitRate("C11", 30, 30, 1.0, 30 / 110.0, 30, 1.0, ""), table.get("C11"));
        assertEquals(new DistrictHitRate("E18", 25, 0, 0.0, 25 / 110.0, 0, 0.0, DistrictHitRate.UNDERSERVED),
                table.get("E18"));
        assertEquals(new DistrictHitRate(DistrictHitRate.NONE, 5, 5, 1.0, 5 / 110.0, 5, 1.0, DistrictHitRate.TOO_FEW),
                table.get(DistrictHitRate.NONE));
        assertEquals(110, r.evaluation().testCount());
    }

    @Test
    void theGridBaselineIsJudgedAtTheChosenLayersArea() {
        // a share radius gives the set's K-Means circles (the old pair of the grid) an area of their own
        HotspotResult r = new HotspotFinder(1).run(handBuilt(), twoCircles().withMethod(MethodChoice.AUTO)
                .withRadius(new RadiusRule.Share(0.95)), List.of(), Progress.NONE);
        Evaluation e = r.evaluation();
        assertEquals("coverage", e.chosen());
        MethodSummary chosen = e.method(e.chosen()).orElseThrow();
        double cellKm2 = e.cellSizeM() * e.cellSizeM() / 1e6;
        assertTrue(Math.abs(e.kmeans().areaKm2() - chosen.areaKm2()) > 2 * cellKm2,
                "the K-Means pair's area " + e.kmeans().areaKm2() + " km² differs from the chosen " + chosen.areaKm2());
        // whole cells filling the chosen layer's area (two 250 m circles, 0.39 km²), not K-Means's
        assertEquals(Math.round(chosen.areaKm2() / cellKm2) * cellKm2, e.grid().areaKm2(), 1e-9);
        assertEquals(e.districts().stream().mapToInt(DistrictHitRate::gridHits).sum(), e.grid().hits());
        assertEquals(Math.round(e.grid().areaKm2() / cellKm2), e.gridCells().size(), "the map's grid cells are the same");
    }
}
