package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;

/** The finder on small hand-made point sets whose answers are known. */
class HotspotFinderTest {

    private static final LocalProjection GRID = new LocalProjection(42.30, -71.09);
    private final HotspotFinder finder = new HotspotFinder(2);

    /** {@code n} incidents scattered (sd metres) around a point given in metres east/north of the reference. */
    private static List<Incident> blob(double east, double north, double sd, int n, String when, Random random) {
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LatLon p = GRID.toLatLon(east + random.nextGaussian() * sd, north + random.nextGaussian() * sd);
            out.add(TestIncidents.at(p.lat(), p.lon(), when, i % 3 == 0 ? "ROBBERY - STREET" : "VANDALISM"));
        }
        return out;
    }

    private static List<Incident> threeBlobs() {
        Random random = new Random(1);
        List<Incident> all = new ArrayList<>();
        all.addAll(blob(0, 0, 40, 300, "2017-05-01T20:00", random));
        all.addAll(blob(1500, 0, 40, 200, "2017-05-02T21:00", random));
        all.addAll(blob(0, 1500, 40, 100, "2017-05-03T22:00", random));
        return all;
    }

    private static HotspotSettings three() {
        return HotspotSettings.defaults().withK(3).withBacktest(null);
    }

    @Test
    void findsThreeBlobsRankedBySize() {
        HotspotResult r = finder.find(threeBlobs(), three(), Progress.NONE);
        assertEquals(List.of(300, 200, 100), r.hotspots().stream().map(Hotspot::count).toList());
        double[][] truth = {{0, 0}, {1500, 0}, {0, 1500}};
        for (int i = 0; i < 3; i++) {
            Hotspot h = r.hotspots().get(i);
            LatLon expected = GRID.toLatLon(truth[i][0], truth[i][1]);
            assertTrue(LatLon.haversineMetres(h.lat(), h.lon(), expected.lat(), expected.lon()) < 15, "hotspot " + h.rank());
            // 80 % of a 2-D Gaussian lies within sd * sqrt(-2 ln 0.2) ≈ 1.79 sd = 72 m.
            assertEquals(72, h.radiusM(), 12);
            assertEquals(Math.round(0.8 * h.count()), h.inside(), 1);
        }
        assertEquals(1.0, r.hotspots().stream().mapToDouble(Hotspot::share).sum(), 1e-12);
        assertEquals(600, r.rowsUsed());
        assertNull(r.evaluation());
    }

    @Test
    void describesOffencesHoursAndDaysOfTheIncidentsWithinTheCircle() {
        Hotspot biggest = finder.find(threeBlobs(), three(), Progress.NONE).hotspots().get(0);
        assertEquals(300, biggest.count());
        assertEquals(240, biggest.inside(), 3, "80 % of the blob within the circle");
        assertEquals("VANDALISM", biggest.topOffences().get(0).offence());
        assertEquals(2.0 / 3, biggest.topOffences().get(0).share(), 0.08, "two in three of the blob are vandalism");
        assertEquals(biggest.topOffences().get(0).count(), biggest.topOffences().get(0).share() * biggest.inside(), 1e-9,
                "a share of the incidents within, not of the nearest");
        assertEquals(List.of(20), biggest.busiestHours(1));
        assertEquals(java.time.DayOfWeek.MONDAY, biggest.busiestDays(1).get(0)); // 2017-05-01
        assertEquals(biggest.inside(), biggest.hourCounts().get(20), "every incident within the circle, at 20:00");
        assertEquals(biggest.inside(), biggest.dayCounts().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aCircleHoldingNoneOfItsIncidentsIsDescribedByItsNearest() {
        // each centre between two blobs 2 km apart: its 10 m circle holds none of them
        Random random = new Random(3);
        List<Incident> rows = new ArrayList<>(blob(-1000, 0, 20, 120, "2017-05-01T20:00", random));
        rows.addAll(blob(1000, 0, 20, 80, "2017-05-02T21:00", random));
        rows.addAll(blob(-1000, 6000, 20, 50, "2017-05-03T22:00", random));
        rows.addAll(blob(1000, 6000, 20, 50, "2017-05-03T22:00", random));
        HotspotResult r = finder.find(rows, HotspotSettings.defaults().withK(2).withBacktest(null)
                .withRadius(new RadiusRule.Fixed(10)), Progress.NONE);
        assertEquals(List.of(200, 100), r.hotspots().stream().map(Hotspot::count).toList(),
                "none within either circle: ranked by their nearest incidents");
        Hotspot h = r.hotspots().get(0);
        assertEquals(0, h.inside());
        assertEquals(200, h.hourCounts().stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(20, 21), h.busiestHours(2));
    }

    @Test
    void aCoverageCircleIsRankedByWhatLiesWithinItNotByItsNearest() {
        // A dense small blob and a wide sparse one: the wide one has more nearest incidents, the dense one
        // more within a 100 m circle.
        Random random = new Random(42);
        List<Incident> rows = new ArrayList<>(blob(0, 0, 20, 150, "2017-05-01T20:00", random));
        rows.addAll(blob(4000, 0, 800, 400, "2017-05-02T21:00", random));
        HotspotResult r = finder.find(rows, HotspotSettings.defaults().withK(2).withBacktest(null)
                .withRadius(new RadiusRule.Fixed(100)), Progress.NONE);
        Hotspot first = r.hotspots().get(0);
        Hotspot second = r.hotspots().get(1);
        assertTrue(first.inside() > second.inside(), first + " / " + second);
        assertTrue(first.count() < second.count(), "the wide blob has more nearest incidents: " + first + " / " + second);
    }

    @Test
    void fixedRadiusIsUsedAsGiven() {
        HotspotResult r = finder.find(threeBlobs(), three().withRadius(new RadiusRule.Fixed(250)), Progress.NONE);
        assertEquals(3, r.hotspots().size(), "the loop below checks every hotspot, so there must be some");
        for (Hotspot h : r.hotspots()) {
            assertEquals(250, h.radiusM());
            assertEquals(Math.PI * 0.25 * 0.25, h.areaKm2(), 1e-12);
            assertEquals(h.count(), h.inside());
        }
    }

    @Test
    void radiusShareTakesTheSmallestDistanceHoldingThatShare() {
        double[] d = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(8, HotspotFinder.radius(new RadiusRule.Share(0.8), d));
        assertEquals(10, HotspotFinder.radius(new RadiusRule.Share(1), d));
        assertEquals(1, HotspotFinder.radius(new RadiusRule.Share(0.01), d));
        assertEquals(300, HotspotFinder.radius(new RadiusRule.Fixed(300), d));
    }

    @Test
    void sameSeedGivesTheSameCentresWhateverTheThreads() {
        List<Incident> data = threeBlobs();
        HotspotSettings s = three().withK(6);
        List<Hotspot> one = new HotspotFinder(1).find(data, s, Progress.NONE).hotspots();
        List<Hotspot> two = new HotspotFinder(2).find(data, s, Progress.NONE).hotspots();
        assertEquals(one, two);
    }

    @Test
    void oneTestWindowFitsKMeansOnceOnTheTrainingPeriodAndOnceOnAllRows() {
        KMeans kmeans = new KMeans(2);
        HotspotResult r = new HotspotFinder(kmeans).run(threeBlobs(),
                HotspotSettings.defaults().withK(3).withMethod(MethodChoice.KMEANS), List.of(), Progress.NONE);
        assertEquals(2, kmeans.fitted(), "K-Means fits for the single split, the backtest and the set");
        assertTrue(r.evaluation().method("kmeans").isPresent(), "the backtest still judged K-Means");
        assertEquals(r.evaluation().kmeans().hits() > 0, r.evaluation().method("kmeans").orElseThrow().hitRate() > 0);
    }

    @Test
    void giStarUsesTheBandOfTheSettings() {
        HotspotSettings gi = HotspotSettings.defaults().withK(3).withMethod(MethodChoice.GISTAR).withBacktest(null);
        List<HotCell> queen = finder.run(threeBlobs(), gi, List.of(), Progress.NONE).cells();
        List<HotCell> wide = finder.run(threeBlobs(), gi.withGiBandCells(3), List.of(), Progress.NONE).cells();
        assertTrue(!queen.isEmpty() && !wide.isEmpty());
        assertTrue(Math.abs(queen.get(0).z() - wide.get(0).z()) > 0.1, queen.get(0) + " vs " + wide.get(0));
    }

    @Test
    void rowOrderDoesNotMatter() {
        List<Incident> data = threeBlobs();
        List<Incident> reversed = new ArrayList<>(data);
        java.util.Collections.reverse(reversed);
        HotspotSettings s = three().withK(5);
        HotspotResult a = finder.find(data, s, Progress.NONE);
        HotspotResult b = finder.find(reversed, s, Progress.NONE);
        assertEquals(a.hotspots(), b.hotspots());
        assertEquals(a.provenance().dataSha256(), b.provenance().dataSha256());
    }

    @Test
    void tooFewRowsOrLocationsGiveClearMessages() {
        List<Incident> five = threeBlobs().subList(0, 5);
        assertEquals("the filters (no filters) leave 5 incidents, fewer than k = 10; widen the filters or lower k",
                assertThrows(IllegalArgumentException.class,
                        () -> finder.find(five, HotspotSettings.defaults(), Progress.NONE)).getMessage());
        assertEquals("no incidents match the filters (offences [ARSON])",
                assertThrows(IllegalArgumentException.class, () -> finder.find(threeBlobs(),
                        three().withFilter(IncidentFilter.none().withOffences(Set.of("ARSON"))), Progress.NONE)).getMessage());
        List<Incident> twoPlaces = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twoPlaces.add(TestIncidents.at(42.30, i % 2 == 0 ? -71.09 : -71.08));
        }
        assertEquals("the incidents sit on 2 distinct locations, fewer than k = 3; lower k or widen the filters",
                assertThrows(IllegalArgumentException.class, () -> finder.find(twoPlaces, three(), Progress.NONE)).getMessage());
    }

    @Test
    void incidentsWithoutAPositionAreLeftOutAndNoted() {
        List<Incident> data = new ArrayList<>(threeBlobs());
        data.add(TestIncidents.at(-1, -1));
        data.add(TestIncidents.at(0, 0));
        HotspotResult r = finder.find(data, three(), Progress.NONE);
        assertEquals(600, r.rowsUsed());
        assertEquals(602, r.provenance().inputRows());
        assertEquals(List.of("2 incidents without a usable position were left out"), r.notes());
    }

    @Test
    void backtestCountsHitsAreaPaiAndPei() {
        // Training 2017: 100 incidents on each of three exact points; test 2018: 50 on the first point
        // and 50 on a point 3 km away that no hotspot covers.
        LatLon a = GRID.toLatLon(0, 0);
        LatLon b = GRID.toLatLon(1000, 0);
        LatLon c = GRID.toLatLon(0, 1000);
        LatLon far = GRID.toLatLon(3000, 3000);
        List<Incident> data = new ArrayList<>();
        for (LatLon p : List.of(a, b, c)) {
            for (int i = 0; i < 100; i++) {
                data.add(TestIncidents.at(p.lat(), p.lon(), "2017-06-01T10:00", "VANDALISM"));
            }
        }
        for (LatLon p : List.of(a, far)) {
            for (int i = 0; i < 50; i++) {
                data.add(TestIncidents.at(p.lat(), p.lon(), "2018-03-01T10:00", "VANDALISM"));
            }
        }
        HotspotSettings s = three().withRadius(new RadiusRule.Fixed(100))
                .withBacktest(new Backtest(LocalDate.of(2018, 1, 1), 0.2, 100));
        Evaluation e = finder.find(data, s, Progress.NONE).evaluation();
        assertEquals(300, e.trainCount());
        assertEquals(100, e.testCount());
        assertEquals(0.5, e.studyAreaKm2(), 0.002); // the right triangle a-b-c
        assertEquals("convex hull of training incidents", e.studyArea());

        double circles = 3 * Math.PI * 0.1 * 0.1;
        assertEquals(50, e.kmeans().hits());
        assertEquals(0.5, e.kmeans().hitRate());
        assertEquals(circles, e.kmeans().areaKm2(), circles * 1e-3);
        assertEquals(0.5 / (circles / 0.5), e.kmeans().pai(), 0.01);

        // Nine 100 m cells would match the circles' area, but only three cells saw training incidents.
        assertEquals(3, e.gridCells().size());
        assertEquals(0.03, e.grid().areaKm2(), 1e-9);
        assertEquals(0.5, e.grid().hitRate());
        // The best three cells of 2018 hold all 100 test incidents: PEI = 50 / 100.
        assertEquals(1.0, e.bestPossibleHitRate());
        assertEquals(0.5, e.kmeans().pei());
        assertEquals(0.5, e.grid().pei());
        assertEquals(List.of(100, 100, 100), e.gridCells().stream().map(GridCell::trainCount).toList());
    }

    @Test
    void anExplicitTestStartWithNothingAfterItIsRefusedButTheDefaultSplitJustSkips() {
        HotspotSettings late = three().withBacktest(Backtest.defaults().withTestFrom(LocalDate.of(2030, 1, 1)));
        assertEquals("no incidents on or after the test start 2030-01-01T00:00; move the test start earlier",
                assertThrows(IllegalArgumentException.class, () -> finder.find(threeBlobs(), late, Progress.NONE)).getMessage());
        // All blob incidents fall on three days; the default split leaves only the last blob (100) to test on.
        HotspotResult r = finder.find(threeBlobs(), three().withBacktest(Backtest.defaults()), Progress.NONE);
        assertEquals(500, r.evaluation().trainCount());
        assertEquals(100, r.evaluation().testCount());
    }

    @Test
    void elbowFindsTheThreeBlobsAndCanBeCancelled() {
        ElbowResult elbow = finder.elbow(threeBlobs(), three(), 2, 10, Progress.NONE);
        assertEquals(9, elbow.points().size());
        assertEquals(3, elbow.kneeK());
        AtomicInteger updates = new AtomicInteger();
        Progress cancelSoon = new Progress() {
            @Override public void update(long done, long total, String message) {
                updates.incrementAndGet();
            }
            @Override public boolean isCancelled() {
                return updates.get() >= 3;
            }
        };
        assertThrows(CancelledException.class, () -> finder.elbow(threeBlobs(), three(), 2, 10, cancelSoon));
    }

    @Test
    void elbowRangeIsChecked() {
        assertEquals("elbow needs 2 <= kMin < kMax <= 50, was kMin = 5, kMax = 5",
                assertThrows(IllegalArgumentException.class,
                        () -> finder.elbow(threeBlobs(), three(), 5, 5, Progress.NONE)).getMessage());
    }
}
