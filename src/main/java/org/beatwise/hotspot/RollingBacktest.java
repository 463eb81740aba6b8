package org.beatwise.hotspot;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.geo.Geometry;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;
import org.beatwise.task.Progress;

/**
 * Any set of methods judged the same way over rolling windows: each window's methods are fitted on the
 * incidents strictly before the window and scored on the window's incidents, at the area each method
 * chose (cell methods fill the same target area as k circles). Knows nothing about how a method fits.
 * Where a method has variants (KDE bandwidths), the one with the best mean hit rate stands for it.
 */
final class RollingBacktest {

    /** A test window needs this many incidents for a hit rate to mean anything. */
    static final int MIN_TEST_INCIDENTS = 20;
    private static final int CURVE_STEPS = 10;

    /**
     * One method's score in one window; beside it the grid baseline filling the same area (rounded to
     * whole cells), and both counted per district ({@code districtTests} is the window's, shared).
     */
    private record Score(int hits, int testCount, double areaM2, double studyAreaM2, int bestHits, int areas,
                         double[] curveHitRate, double[] curveAreaM2, int[] districtTests, int[] districtHits,
                         int gridHits, double gridAreaM2, int[] gridDistrictHits) { }

    /**
     * What the backtest found: the windows, one summary and curve per method, and the variant that won;
     * per winning method its pooled score, the grid baseline pooled at that method's area and the
     * per-district table; with one window, that window's grid ranking (for the baseline's map cells).
     */
    record Outcome(List<TestWindow> windows, List<MethodSummary> summaries, List<PaiCurve> curves,
                   Map<MethodChoice, HotspotMethod> winners, Map<MethodChoice, MethodScore> pooled,
                   Map<MethodChoice, MethodScore> gridAt, Map<MethodChoice, List<DistrictHitRate>> districts,
                   GridRanking singleWindowGrid) { }

    /**
     * A window's grid cells ranked by training count (ties: lower key), as {@link GridBaseline} and
     * {@link GridMethod} rank them, so "the top n cells" is the baseline at any area without refitting.
     */
    record GridRanking(double cellM, long[] keys, int[] trainCounts, Map<Long, Integer> rankOf,
                       Map<Long, Integer> testCounts) {

        static GridRanking of(List<Incident> train, LocalProjection projection, double cellM) {
            Map<Long, Integer> counts = new HashMap<>();
            for (Incident i : train) {
                counts.merge(GridBaseline.key(projection.x(i.lon()), projection.y(i.lat()), cellM), 1, Integer::sum);
            }
            long[] keys = counts.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<Long, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                    .mapToLong(Map.Entry::getKey).toArray();
            int[] trainCounts = new int[keys.length];
            Map<Long, Integer> rankOf = new HashMap<>(keys.length * 2);
            for (int r = 0; r < keys.length; r++) {
                trainCounts[r] = counts.get(keys[r]);
                rankOf.put(keys[r], r);
            }
            return new GridRanking(cellM, keys, trainCounts, rankOf, new HashMap<>());
        }

        /** Cells filling the area, as {@link GridMethod} counts them: at least one, at most those with incidents. */
        int cellsFor(double areaM2) {
            return (int) Math.min(keys.length, Math.max(1, Math.round(areaM2 / (cellM * cellM))));
        }

        /** The top {@code n} cells with their training and test counts, for the map's grid layer. */
        List<GridCell> cells(int n, LocalProjection projection) {
            List<GridCell> out = new ArrayList<>();
            for (int r = 0; r < Math.min(n, keys.length); r++) {
                int col = (int) (keys[r] >> 32);
                int row = (int) keys[r];
                out.add(new GridCell(r + 1, projection.lat(row * cellM), projection.lon(col * cellM),
                        projection.lat((row + 1) * cellM), projection.lon((col + 1) * cellM), trainCounts[r],
                        testCounts.getOrDefault(keys[r], 0)));
            }
            return out;
        }
    }

    private RollingBacktest() { }

    /** The windows' [from, to) bounds, oldest first. */
    static List<LocalDateTime[]> bounds(List<Incident> rows, Backtest backtest) {
        LocalDateTime last = rows.stream().map(Incident::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime afterLast = last.plusSeconds(1);
        List<LocalDateTime[]> bounds = new ArrayList<>();
        if (backtest.windows() == 1) {
            bounds.add(new LocalDateTime[] {HotspotFinder.testFrom(rows, backtest), afterLast});
            return bounds;
        }
        LocalDateTime end = last.toLocalDate().plusDays(1).atStartOfDay();
        for (int w = backtest.windows(); w >= 1; w--) {
            bounds.add(new LocalDateTime[] {end.minusDays((long) w * backtest.windowDays()),
                    end.minusDays((long) (w - 1) * backtest.windowDays())});
        }
        return bounds;
    }

    static Outcome run(List<Incident> rows, HotspotSettings settings, List<HotspotMethod> methods,
                       LocalProjection projection, List<List<LatLon>> boundaries, Progress progress) {
        Backtest backtest = settings.backtest();
        List<LocalDateTime[]> bounds = bounds(rows, backtest);
        List<TestWindow> windows = new ArrayList<>();
        Map<HotspotMethod, List<Score>> scores = new LinkedHashMap<>();
        methods.forEach(m -> scores.put(m, new ArrayList<>()));
        Map<String, Integer> districtIndex = new LinkedHashMap<>();
        GridRanking lastGrid = null;
        int steps = bounds.size() * methods.size();
        int step = 0;
        for (LocalDateTime[] b : bounds) {
            List<Incident> train = HotspotFinder.where(rows, i -> i.occurredAt().isBefore(b[0]));
            List<Incident> test = HotspotFinder.where(rows, i -> !i.occurredAt().isBefore(b[0]) && i.occurredAt().isBefore(b[1]));
            check(train, test, b, settings);
            LocalDateTime lastTrain = train.stream().map(Incident::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
            windows.add(new TestWindow(b[0], b[1], train.size(), test.size(), lastTrain));
            double[] tx = test.stream().mapToDouble(i -> projection.x(i.lon())).toArray();
            double[] ty = test.stream().mapToDouble(i -> projection.y(i.lat())).toArray();
            double studyArea = studyArea(train, projection, boundaries);
            // one pass over the test incidents: each one's district and the training rank of its grid cell
            GridRanking grid = GridRanking.of(train, projection, backtest.cellSizeM());
            int[] district = new int[test.size()];
            int[] gridRank = new int[test.size()];
            for (int i = 0; i < test.size(); i++) {
                district[i] = districtIndex.computeIfAbsent(DistrictHitRate.of(test.get(i).district()), d -> districtIndex.size());
                long key = GridBaseline.key(tx[i], ty[i], grid.cellM());
                gridRank[i] = grid.rankOf().getOrDefault(key, Integer.MAX_VALUE);
                if (bounds.size() == 1) {
                    grid.testCounts().merge(key, 1, Integer::sum);
                }
            }
            int[] districtTests = new int[districtIndex.size()];
            for (int d : district) {
                districtTests[d]++;
            }
            lastGrid = grid;
            TrainingSet training = new TrainingSet(train, projection, b[0], settings.targetAreaM2());
            for (HotspotMethod m : methods) {
                progress.checkCancelled();
                progress.update(step++, steps, "backtest window " + windows.size() + " of " + bounds.size() + ": "
                        + m.choice().key() + (m.variant().isEmpty() ? "" : " (" + m.variant() + ")"));
                Layer layer = m.fit(training, Progress.NONE);
                scores.get(m).add(score(layer, tx, ty, studyArea, backtest.cellSizeM(), district, districtTests, gridRank,
                        grid));
            }
        }
        progress.update(steps, steps, "backtest done");
        return summarise(windows, methods, scores, List.copyOf(districtIndex.keySet()), bounds.size() == 1 ? lastGrid : null);
    }

    private static void check(List<Incident> train, List<Incident> test, LocalDateTime[] b, HotspotSettings s) {
        String window = b[0].toLocalDate() + ".." + b[1].minusSeconds(1).toLocalDate();
        String setting = s.backtest().windows() > 1 ? "windows/window_days" : "test_from";
        if (test.size() < MIN_TEST_INCIDENTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the test window %s holds %d incidents,"
                    + " too few to judge (at least %d); use fewer or longer windows, or wider filters", setting, window,
                    test.size(), MIN_TEST_INCIDENTS));
        }
        if (train.size() < s.k()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: only %d incidents before the test window %s,"
                    + " fewer than k = %d; use fewer windows or lower k", setting, train.size(), window, s.k()));
        }
    }

    static double studyArea(List<Incident> train, LocalProjection projection, List<List<LatLon>> boundaries) {
        if (boundaries.isEmpty()) {
            WeightedPoints p = WeightedPoints.of(train, projection);
            return Geometry.polygonArea(Geometry.convexHull(p.x(), p.y()));
        }
        return boundaries.stream().mapToDouble(ring -> Geometry.polygonArea(ring.stream()
                .map(p -> new double[] {projection.x(p.lon()), projection.y(p.lat())}).toArray(double[][]::new))).sum();
    }

    private static Score score(Layer layer, double[] tx, double[] ty, double studyArea, double cellM, int[] district,
                               int[] districtTests, int[] gridRank, GridRanking grid) {
        double area = layer.areaM2();
        double[] curveRate = new double[CURVE_STEPS];
        double[] curveArea = new double[CURVE_STEPS];
        for (int s = 1; s <= CURVE_STEPS; s++) {
            Layer part = layer.top((int) Math.ceil(layer.size() * s / (double) CURVE_STEPS));
            curveRate[s - 1] = tx.length == 0 ? 0 : (double) part.hits(tx, ty) / tx.length;
            curveArea[s - 1] = s == CURVE_STEPS ? area : part.areaM2();
        }
        int[] districtHits = new int[districtTests.length];
        int hits = layer.hits(tx, ty, district, districtHits);
        int gridCells = grid.cellsFor(area);
        int gridHits = 0;
        int[] gridDistrictHits = new int[districtTests.length];
        for (int i = 0; i < gridRank.length; i++) {
            if (gridRank[i] < gridCells) {
                gridHits++;
                gridDistrictHits[district[i]]++;
            }
        }
        return new Score(hits, tx.length, area, studyArea, bestPossibleHits(tx, ty, cellM, area), layer.patrolAreas(),
                curveRate, curveArea, districtTests, districtHits, gridHits, gridCells * cellM * cellM, gridDistrictHits);
    }

    /** The test period's own busiest cells of (about) the given area: what hindsight would have caught. */
    static int bestPossibleHits(double[] tx, double[] ty, double cellM, double areaM2) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < tx.length; i++) {
            counts.merge(GridBaseline.key(tx[i], ty[i], cellM), 1, Integer::sum);
        }
        int cells = (int) Math.max(1, Math.round(areaM2 / (cellM * cellM)));
        return counts.values().stream().sorted(Comparator.reverseOrder()).limit(cells).mapToInt(Integer::intValue).sum();
    }

    private static Outcome summarise(List<TestWindow> windows, List<HotspotMethod> methods,
                                     Map<HotspotMethod, List<Score>> scores, List<String> districts,
                                     GridRanking singleWindowGrid) {
        Map<MethodChoice, HotspotMethod> winners = new LinkedHashMap<>();
        for (HotspotMethod m : methods) {
            HotspotMethod held = winners.get(m.choice());
            if (held == null || meanHitRate(scores.get(m)) > meanHitRate(scores.get(held))) {
                winners.put(m.choice(), m);
            }
        }
        List<MethodSummary> summaries = new ArrayList<>();
        List<PaiCurve> curves = new ArrayList<>();
        Map<MethodChoice, MethodScore> pooled = new LinkedHashMap<>();
        Map<MethodChoice, MethodScore> gridAt = new LinkedHashMap<>();
        Map<MethodChoice, List<DistrictHitRate>> byDistrict = new LinkedHashMap<>();
        for (HotspotMethod m : winners.values()) {
            List<Score> s = scores.get(m);
            double[] rate = s.stream().mapToDouble(x -> (double) x.hits / x.testCount).toArray();
            double[] pai = s.stream().mapToDouble(x -> x.areaM2 > 0 && x.studyAreaM2 > 0
                    ? ((double) x.hits / x.testCount) / (x.areaM2 / x.studyAreaM2) : Double.NaN).toArray();
            double[] pei = s.stream().mapToDouble(x -> x.bestHits > 0 ? (double) x.hits / x.bestHits : Double.NaN).toArray();
            summaries.add(new MethodSummary(m.choice().key(), m.variant(), mean(rate), sd(rate), mean(pai), mean(pei),
                    s.stream().mapToDouble(Score::areaM2).average().orElse(0) / 1e6,
                    s.stream().mapToInt(Score::areas).average().orElse(0), s.size()));
            List<CurvePoint> points = new ArrayList<>();
            for (int c = 0; c < CURVE_STEPS; c++) {
                int step = c;
                points.add(new CurvePoint(s.stream().mapToDouble(x -> x.curveAreaM2[step]).average().orElse(0) / 1e6,
                        s.stream().mapToDouble(x -> x.curveHitRate[step]).average().orElse(0)));
            }
            curves.add(new PaiCurve(m.choice().key(), points));
            pooled.put(m.choice(), MethodScore.of(m.choice().key(), s.stream().mapToInt(Score::hits).sum(),
                    s.stream().mapToInt(Score::testCount).sum(), s.stream().mapToDouble(Score::areaM2).average().orElse(0),
                    s.stream().mapToDouble(Score::studyAreaM2).average().orElse(0), s.stream().mapToInt(Score::bestHits).sum()));
            // the grid at this method's area fills (about) the PEI yardstick's number of cells: the same best
            gridAt.put(m.choice(), MethodScore.of("grid", s.stream().mapToInt(Score::gridHits).sum(),
                    s.stream().mapToInt(Score::testCount).sum(), s.stream().mapToDouble(Score::gridAreaM2).average().orElse(0),
                    s.stream().mapToDouble(Score::studyAreaM2).average().orElse(0), s.stream().mapToInt(Score::bestHits).sum()));
            int[] tests = new int[districts.size()];
            int[] hits = new int[districts.size()];
            int[] gridHits = new int[districts.size()];
            for (Score x : s) {
                // a window's arrays cover the districts seen up to that window
                for (int d = 0; d < x.districtTests().length; d++) {
                    tests[d] += x.districtTests()[d];
                    hits[d] += x.districtHits()[d];
                    gridHits[d] += x.gridDistrictHits()[d];
                }
            }
            byDistrict.put(m.choice(), DistrictHitRate.table(districts, tests, hits, gridHits));
        }
        return new Outcome(windows, summaries, curves, winners, pooled, gridAt, byDistrict, singleWindowGrid);
    }

    private static double meanHitRate(List<Score> s) {
        return s.stream().mapToDouble(x -> (double) x.hits / x.testCount).average().orElse(0);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    /** Sample standard deviation; 0 for a single window. */
    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
