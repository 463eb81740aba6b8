package org.beatwise.hotspot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentColumns;
import org.beatwise.geo.Geometry;
import org.beatwise.geo.Geometry.Circle;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;
import org.beatwise.task.Progress;

/**
 * Finds K-Means hotspots in incidents and judges them on a future period against a grid baseline.
 * Stateless apart from the thread count; safe to share.
 */
public final class HotspotFinder {

    static final String METHOD = "K-Means on local metres (Euclidean, not normalised), greedy k-means++ seeding,"
            + " Lloyd iterations as Weka SimpleKMeans's (array-based, Hamerly bounds), best SSE of the restarts";

    private final KMeans kmeans;

    /** Restarts run on up to as many low-priority threads as there are processors. */
    public HotspotFinder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public HotspotFinder(int threads) {
        this(new KMeans(threads));
    }

    HotspotFinder(KMeans kmeans) {
        this.kmeans = kmeans;
    }

    public HotspotResult find(List<Incident> incidents, HotspotSettings settings, Progress progress) {
        return find(incidents, settings, List.of(), progress);
    }

    /**
     * @param boundaries outer rings of the study area (e.g. imported districts); empty means the
     *        convex hull of the training incidents is the study area for PAI
     */
    public HotspotResult find(List<Incident> incidents, HotspotSettings settings, List<List<LatLon>> boundaries,
                              Progress progress) {
        List<String> notes = new ArrayList<>();
        List<Incident> rows = rowsFor(incidents, settings.filter(), settings.k(), notes);
        LocalProjection projection = LocalProjection.around(rows);
        WeightedPoints points = WeightedPoints.of(rows, projection);
        int steps = settings.restarts() * (settings.backtest() == null ? 1 : 2);

        KMeans.Fit fit = kmeans.fit(points, settings.k(), settings.restarts(), settings.seed(),
                part(progress, 0, settings.restarts(), steps));
        Described described = describe(rows, points, fit, projection, settings.radius());

        Evaluation evaluation = null;
        if (settings.backtest() != null) {
            evaluation = evaluate(kmeans, rows, settings, projection, boundaries, notes,
                    part(progress, settings.restarts(), settings.restarts(), steps));
        }
        LocalDateTime first = rows.stream().map(Incident::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime last = rows.stream().map(Incident::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        HotspotProvenance provenance = new HotspotProvenance(dataHash(rows), incidents.size(), rows.size(), first, last,
                new LatLon(projection.lat0(), projection.lon0()), METHOD, fit.seed(), weka.core.Version.VERSION,
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now());
        progress.update(steps, steps, "hotspots ready");
        return new HotspotResult(settings, described.hotspots, fit.sse(), evaluation, notes, provenance);
    }

    /**
     * Hotspots by the settings' method: the backtest judges the methods it needs (the chosen one and
     * K-Means beside it; coverage and K-Means for AUTO; every method with {@code compare}), AUTO takes
     * the circle method with the best mean PAI, and the chosen method is then fitted on all the rows.
     * With the method KMEANS the hotspots are exactly those of {@link #find}.
     */
    public HotspotResult run(List<Incident> incidents, HotspotSettings settings, List<List<LatLon>> boundaries,
                             Progress progress) {
        List<String> notes = new ArrayList<>();
        List<Incident> rows = rowsFor(incidents, settings.filter(), settings.k(), notes);
        LocalProjection projection = LocalProjection.around(rows);
        Backtest backtest = settings.backtest();
        KMeans kmeans = this.kmeans.remembering();
        Evaluation single = null;
        RollingBacktest.Outcome outcome = null;
        if (backtest != null) {
            if (backtest.windows() == 1) {
                single = evaluate(kmeans, rows, settings, projection, boundaries, notes, progress.slice(0, 0.2));
            }
            if (single != null || backtest.windows() > 1) {
                try {
                    outcome = RollingBacktest.run(rows, settings, compared(settings, kmeans), projection, boundaries,
                            progress.slice(0.2, 0.8));
                } catch (IllegalArgumentException e) {
                    if (backtest.testFrom() != null || backtest.windows() > 1) {
                        throw e;
                    }
                    notes.add("backtest of the methods skipped: " + e.getMessage());
                }
            }
        }
        MethodChoice chosen = settings.method();
        String because;
        if (chosen != MethodChoice.AUTO) {
            because = "chosen in the settings";
        } else if (outcome == null) {
            chosen = MethodChoice.COVERAGE;
            because = "no backtest to choose on: coverage, which places the circles to hold the most past incidents";
        } else {
            MethodSummary cov = summary(outcome, MethodChoice.COVERAGE);
            MethodSummary km = summary(outcome, MethodChoice.KMEANS);
            chosen = km.pai() > cov.pai() ? MethodChoice.KMEANS : MethodChoice.COVERAGE;
            MethodSummary win = chosen == MethodChoice.KMEANS ? km : cov;
            MethodSummary other = chosen == MethodChoice.KMEANS ? cov : km;
            because = String.format(java.util.Locale.ROOT, "%s won the backtest: %.1f %% of incidents caught (PAI %.1f)"
                    + " against %.1f %% (PAI %.1f) for %s, mean over %d window(s)", win.method(), 100 * win.hitRate(),
                    win.pai(), 100 * other.hitRate(), other.pai(), other.method(), win.windows());
        }
        progress.checkCancelled();
        Fitted fitted = fitChosen(kmeans, rows, settings, chosen, outcome, projection, progress.slice(0.8, 1));
        notes.addAll(fitted.notes);
        Evaluation evaluation = evaluation(single, outcome, settings, chosen, because, boundaries, projection, rows);
        LocalDateTime first = rows.stream().map(Incident::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime last = rows.stream().map(Incident::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        HotspotProvenance provenance = new HotspotProvenance(dataHash(rows), incidents.size(), rows.size(), first, last,
                new LatLon(projection.lat0(), projection.lon0()), fitted.description, fitted.seed, weka.core.Version.VERSION,
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now());
        progress.update(1, 1, "hotspots ready");
        return new HotspotResult(settings, fitted.hotspots, fitted.sse, evaluation, notes, provenance, chosen, fitted.cells,
                fitted.heat);
    }

    private static MethodSummary summary(RollingBacktest.Outcome o, MethodChoice m) {
        return o.summaries().stream().filter(s -> s.method().equals(m.key())).findFirst().orElseThrow();
    }

    /** The methods the backtest must judge for these settings; K-Means is always among them. */
    static List<HotspotMethod> compared(HotspotSettings s, KMeans kmeans) {
        List<MethodChoice> choices = new ArrayList<>();
        if (s.compare()) {
            choices.addAll(MethodChoice.methods());
        } else if (s.method() == MethodChoice.AUTO) {
            choices.addAll(List.of(MethodChoice.COVERAGE, MethodChoice.KMEANS));
        } else {
            choices.add(s.method());
            if (s.method() != MethodChoice.KMEANS) {
                choices.add(MethodChoice.KMEANS);
            }
        }
        List<HotspotMethod> methods = new ArrayList<>();
        choices.forEach(c -> methods.addAll(methods(s, c, kmeans)));
        return methods;
    }

    /** The method (or, for KDE, one per bandwidth) behind a choice. */
    static List<HotspotMethod> methods(HotspotSettings s, MethodChoice c, KMeans kmeans) {
        double cell = s.backtest() == null ? Backtest.defaults().cellSizeM() : s.backtest().cellSizeM();
        return switch (c) {
            case COVERAGE -> List.of(new CoverageMethod(s.k(), s.patrolRadiusM()));
            case KMEANS -> List.of(new KMeansMethod(kmeans, s));
            case KDE -> List.copyOf(KdeMethod.variants(s));
            case GISTAR -> List.of(new GiStarMethod(cell, s.giBandCells()));
            case GRID -> List.of(new GridMethod(cell));
            case AUTO -> throw new IllegalArgumentException("method auto is a choice between methods, not a method");
        };
    }

    private record Fitted(List<Hotspot> hotspots, double sse, List<HotCell> cells, List<HotCell> heat, String description,
                          int seed, List<String> notes) { }

    private static Fitted fitChosen(KMeans kmeans, List<Incident> rows, HotspotSettings settings, MethodChoice chosen,
                             RollingBacktest.Outcome outcome, LocalProjection projection, Progress progress) {
        if (chosen == MethodChoice.KMEANS) {
            WeightedPoints points = WeightedPoints.of(rows, projection);
            KMeans.Fit fit = kmeans.fit(points, settings.k(), settings.restarts(), settings.seed(), progress);
            return new Fitted(describe(rows, points, fit, projection, settings.radius()).hotspots, fit.sse(), List.of(),
                    List.of(), METHOD, fit.seed(), List.of());
        }
        List<String> notes = new ArrayList<>();
        HotspotMethod method = outcome != null && outcome.winners().containsKey(chosen) ? outcome.winners().get(chosen)
                : methods(settings, chosen, kmeans).get(0);
        if (chosen == MethodChoice.KDE && (outcome == null || !outcome.winners().containsKey(chosen))) {
            notes.add("no backtest to choose the KDE bandwidth on: used the first listed, " + method.variant());
        }
        LocalDateTime asOf = rows.stream().map(Incident::occurredAt).max(Comparator.naturalOrder()).orElseThrow().plusSeconds(1);
        TrainingSet all = new TrainingSet(rows, projection, asOf, settings.targetAreaM2());
        Layer layer = method.fit(all, progress);
        String description = chosen.key() + (method.variant().isEmpty() ? "" : " (" + method.variant() + ")") + ": "
                + chosen.explanation();
        if (layer instanceof Layer.Circles c) {
            // made after the fit, not kept through it: the method makes its own, and millions of rows need room for one
            WeightedPoints points = WeightedPoints.of(rows, projection);
            double[] cx = c.circles().stream().mapToDouble(Circle::x).toArray();
            double[] cy = c.circles().stream().mapToDouble(Circle::y).toArray();
            List<Hotspot> hotspots = describe(rows, points, cx, cy, projection,
                    new RadiusRule.Fixed(settings.patrolRadiusM())).hotspots;
            return new Fitted(hotspots, points.sse(cx, cy), List.of(), List.of(), description, settings.seed(), notes);
        }
        Layer.Cells cells = (Layer.Cells) layer;
        List<HotCell> heat = List.of();
        if (method instanceof KdeMethod kde) {
            DensitySurface surface = kde.surface(all, progress);
            heat = hotCells(surface.top(4 * Math.max(1, cells.size())), cells.cellM(), projection, rows, false);
        }
        return new Fitted(List.of(), 0, hotCells(cells.cells(), cells.cellM(), projection, rows,
                chosen == MethodChoice.GISTAR), heat, description, settings.seed(), notes);
    }

    private static List<HotCell> hotCells(List<RasterCell> cells, double cellM, LocalProjection projection,
                                          List<Incident> rows, boolean gi) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Incident i : rows) {
            counts.merge(GridBaseline.key(projection.x(i.lon()), projection.y(i.lat()), cellM), 1, Integer::sum);
        }
        List<HotCell> out = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            RasterCell c = cells.get(r);
            out.add(new HotCell(r + 1, projection.lat(c.row() * cellM), projection.lon(c.col() * cellM),
                    projection.lat((c.row() + 1) * cellM), projection.lon((c.col() + 1) * cellM), c.score(),
                    counts.getOrDefault(RasterCell.key(c.col(), c.row()), 0), gi ? c.z() : null, gi ? c.p() : null,
                    gi ? c.confidence() : null));
        }
        return out;
    }

    /**
     * The stored evaluation. The grid baseline is judged at the chosen layer's area, as the comparison
     * judges every method: from the backtest, pooled over its windows. The one exception is K-Means
     * chosen with one window: the single split already fitted the set's own circles (its radius rule)
     * and the grid at their area, which is then the chosen layer's area.
     */
    private static Evaluation evaluation(Evaluation single, RollingBacktest.Outcome outcome, HotspotSettings settings,
                                         MethodChoice chosen, String because, List<List<LatLon>> boundaries,
                                         LocalProjection projection, List<Incident> rows) {
        if (outcome == null) {
            return single == null ? null : new Evaluation(single.testFrom(), single.trainCount(), single.testCount(),
                    single.studyAreaKm2(), single.studyArea(), single.cellSizeM(), single.kmeans(), single.grid(),
                    single.bestPossibleHitRate(), single.gridCells(), List.of(), chosen.key(), because, List.of(), List.of(),
                    List.of());
        }
        MethodScore gridAtChosen = outcome.gridAt().get(chosen);
        List<DistrictHitRate> districts = outcome.districts().get(chosen);
        if (single != null) {
            boolean ownCircles = chosen == MethodChoice.KMEANS;
            MethodScore grid = ownCircles ? single.grid() : gridAtChosen;
            List<GridCell> gridCells = ownCircles ? single.gridCells() : outcome.singleWindowGrid().cells(
                    outcome.singleWindowGrid().cellsFor(gridAtChosen.areaKm2() * 1e6), projection);
            return new Evaluation(single.testFrom(), single.trainCount(), single.testCount(), single.studyAreaKm2(),
                    single.studyArea(), single.cellSizeM(), single.kmeans(), grid, single.bestPossibleHitRate(),
                    gridCells, outcome.summaries(), chosen.key(), because, outcome.curves(), outcome.windows(), districts);
        }
        TestWindow first = outcome.windows().get(0);
        int tested = outcome.windows().stream().mapToInt(TestWindow::testCount).sum();
        MethodScore km = outcome.pooled().get(MethodChoice.KMEANS);
        List<Incident> firstTrain = where(rows, i -> i.occurredAt().isBefore(first.from()));
        double study = RollingBacktest.studyArea(firstTrain, projection, boundaries);
        double best = km.pei() > 0 ? km.hits() / km.pei() / tested : Double.NaN;
        return new Evaluation(first.from(), first.trainCount(), tested, study / 1e6,
                boundaries.isEmpty() ? "convex hull of training incidents" : "boundaries", settings.backtest().cellSizeM(),
                km, gridAtChosen, best, List.of(), outcome.summaries(), chosen.key(), because, outcome.curves(),
                outcome.windows(), districts);
    }

    /** SSE for each k from {@code kMin} to {@code kMax} with the settings' filters, restarts and seed, and the knee. */
    public ElbowResult elbow(List<Incident> incidents, HotspotSettings settings, int kMin, int kMax, Progress progress) {
        if (kMin < HotspotSettings.MIN_K || kMax > HotspotSettings.MAX_K || kMin >= kMax) {
            throw new IllegalArgumentException("elbow needs " + HotspotSettings.MIN_K + " <= kMin < kMax <= "
                    + HotspotSettings.MAX_K + ", was kMin = " + kMin + ", kMax = " + kMax);
        }
        List<Incident> rows = rowsFor(incidents, settings.filter(), kMax, new ArrayList<>());
        WeightedPoints points = WeightedPoints.of(rows, LocalProjection.around(rows));
        int total = (kMax - kMin + 1) * settings.restarts();
        List<ElbowPoint> curve = new ArrayList<>();
        for (int k = kMin; k <= kMax; k++) {
            progress.checkCancelled();
            KMeans.Fit fit = kmeans.fit(points, k, settings.restarts(), settings.seed(),
                    part(progress, (k - kMin) * settings.restarts(), settings.restarts(), total));
            curve.add(new ElbowPoint(k, fit.sse()));
        }
        progress.update(total, total, "elbow ready");
        return new ElbowResult(curve, Knee.find(curve), rows.size());
    }

    // ---------------------------------------------------------------- rows

    private static List<Incident> rowsFor(List<Incident> incidents, IncidentFilter filter, int k, List<String> notes) {
        List<Incident> located = incidents instanceof IncidentColumns columns ? located(columns)
                : incidents.stream().filter(HotspotFinder::hasPosition).toList();
        if (located.size() < incidents.size()) {
            notes.add((incidents.size() - located.size()) + " incidents without a usable position were left out");
        }
        List<Incident> rows = located instanceof IncidentColumns && filter.equals(IncidentFilter.none()) ? located
                : filter.apply(located);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no incidents match the filters (" + filter.describe() + ")");
        }
        if (rows.size() < k) {
            throw new IllegalArgumentException("the filters (" + filter.describe() + ") leave " + rows.size()
                    + " incidents, fewer than k = " + k + "; widen the filters or lower k");
        }
        return rows;
    }

    /** Excludes the usual "no position" markers: NaN, out of range, (0, 0) and Boston's (-1, -1). */
    /**
     * The located rows of columns, still as columns: a copy only when some have no position, since a plain
     * list of them would hold every row as objects again (what the columns are there to avoid).
     */
    private static IncidentColumns located(IncidentColumns columns) {
        int n = columns.size();
        int located = 0;
        for (int r = 0; r < n; r++) {
            if (hasPosition(columns.lat(r), columns.lon(r))) {
                located++;
            }
        }
        if (located == n) {
            return columns;
        }
        IncidentColumns.Builder kept = IncidentColumns.builder(located);
        for (int r = 0; r < n; r++) {
            if (hasPosition(columns.lat(r), columns.lon(r))) {
                kept.add(columns.get(r));
            }
        }
        return kept.build();
    }

    /** The rows that pass, in order; columns stay columns. */
    static List<Incident> where(List<Incident> rows, java.util.function.Predicate<Incident> keep) {
        return rows instanceof IncidentColumns columns ? columns.where(keep) : rows.stream().filter(keep).toList();
    }

    static boolean hasPosition(Incident i) {
        return hasPosition(i.lat(), i.lon());
    }

    private static boolean hasPosition(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
                && !(lat == 0 && lon == 0) && !(lat == -1 && lon == -1);
    }

    // ---------------------------------------------------------------- hotspots

    record Described(List<Hotspot> hotspots, List<Circle> circles) { }

    private static Described describe(List<Incident> rows, WeightedPoints points, KMeans.Fit fit,
                                      LocalProjection projection, RadiusRule rule) {
        return describe(rows, points, fit.cx(), fit.cy(), projection, rule);
    }

    /**
     * Hotspots around given centres: each incident belongs to its nearest centre (so the counts add up
     * to the rows used), each circle's radius follows the rule. A hotspot is ranked, and its offences and
     * times described, by the incidents within its circle: what a patrol there would meet. Its nearest
     * incidents can reach far past it (a coverage circle's, or a fixed radius's), so they are only counted.
     */
    static Described describe(List<Incident> rows, WeightedPoints points, double[] cx, double[] cy,
                              LocalProjection projection, RadiusRule rule) {
        int k = cx.length;
        int[] clusterOfPoint = new int[points.size()];
        for (int p = 0; p < points.size(); p++) {
            clusterOfPoint[p] = points.nearest(p, cx, cy);
        }
        // Members are row numbers and distances plain arrays, not lists of the rows and boxed distances: those
        // held every row a second time (each row of columns as a new object) and 16 bytes a distance.
        int[] clusterOfRow = new int[rows.size()];
        int[] size = new int[k];
        for (int r = 0; r < rows.size(); r++) {
            clusterOfRow[r] = clusterOfPoint[points.pointOfRow()[r]];
            size[clusterOfRow[r]]++;
        }
        int[][] members = new int[k][];
        double[][] distance = new double[k][];
        for (int c = 0; c < k; c++) {
            members[c] = new int[size[c]];
            distance[c] = new double[size[c]];
        }
        int[] filled = new int[k];
        for (int r = 0; r < clusterOfRow.length; r++) {
            int c = clusterOfRow[r];
            int p = points.pointOfRow()[r];
            members[c][filled[c]] = r;
            distance[c][filled[c]++] = Math.hypot(points.x()[p] - cx[c], points.y()[p] - cy[c]);
        }
        double[] radius = new double[k];
        int[][] within = new int[k][];
        for (int c = 0; c < k; c++) {
            double[] sorted = distance[c].clone();
            Arrays.sort(sorted);
            radius[c] = radius(rule, sorted);
            int cluster = c;
            within[c] = IntStream.range(0, members[c].length).filter(j -> distance[cluster][j] <= radius[cluster])
                    .map(j -> members[cluster][j]).toArray();
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        // Most incidents within first, then most nearest; equal counts fall back to position so the order
        // never depends on Weka's cluster numbering.
        Arrays.sort(order, Comparator.comparing((Integer c) -> -within[c].length).thenComparing(c -> -size[c])
                .thenComparing(c -> cy[c]).thenComparing(c -> cx[c]));
        List<Hotspot> hotspots = new ArrayList<>();
        List<Circle> circles = new ArrayList<>();
        for (int rank = 0; rank < k; rank++) {
            int c = order[rank];
            // a circle holding none of them (a small fixed radius) is described by its nearest incidents
            int[] described = within[c].length > 0 ? within[c] : members[c];
            LatLon centre = projection.toLatLon(cx[c], cy[c]);
            hotspots.add(new Hotspot(rank + 1, centre.lat(), centre.lon(), size[c], (double) size[c] / rows.size(),
                    radius[c], Math.PI * radius[c] * radius[c] / 1e6, within[c].length, topOffences(rows, described, 3),
                    hourCounts(rows, described), dayCounts(rows, described)));
            circles.add(new Circle(cx[c], cy[c], radius[c]));
        }
        return new Described(hotspots, circles);
    }

    /** Fixed radius, or the smallest distance that holds the wanted share of the sorted distances. */
    static double radius(RadiusRule rule, double[] sortedDistances) {
        if (rule instanceof RadiusRule.Fixed f) {
            return f.metres();
        }
        double share = ((RadiusRule.Share) rule).share();
        if (sortedDistances.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(share * sortedDistances.length - 1e-9) - 1;
        return sortedDistances[Math.max(0, Math.min(index, sortedDistances.length - 1))];
    }

    private static List<OffenceShare> topOffences(List<Incident> rows, int[] members, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : members) {
            counts.merge(rows.get(r).offense(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(e -> new OffenceShare(e.getKey(), e.getValue(), (double) e.getValue() / members.length))
                .toList();
    }

    private static List<Integer> hourCounts(List<Incident> rows, int[] members) {
        int[] h = new int[24];
        for (int r : members) {
            h[rows.get(r).hour()]++;
        }
        return Arrays.stream(h).boxed().toList();
    }

    private static List<Integer> dayCounts(List<Incident> rows, int[] members) {
        int[] d = new int[7];
        for (int r : members) {
            d[rows.get(r).dayOfWeek() - 1]++;
        }
        return Arrays.stream(d).boxed().toList();
    }

    // ---------------------------------------------------------------- evaluation

    private static Evaluation evaluate(KMeans kmeans, List<Incident> rows, HotspotSettings settings, LocalProjection projection,
                                List<List<LatLon>> boundaries, List<String> notes, Progress progress) {
        Backtest backtest = settings.backtest();
        LocalDateTime testFrom = testFrom(rows, backtest);
        List<Incident> train = where(rows, i -> i.occurredAt().isBefore(testFrom));
        List<Incident> test = where(rows, i -> !i.occurredAt().isBefore(testFrom));
        String problem = null;
        if (test.isEmpty()) {
            problem = "no incidents on or after the test start " + testFrom + "; move the test start earlier";
        } else if (train.size() < settings.k()) {
            problem = "the training period before " + testFrom + " holds " + train.size()
                    + " incidents, fewer than k = " + settings.k() + "; move the test start later or widen the filters";
        } else if (WeightedPoints.of(train, projection).size() < settings.k()) {
            problem = "the training period's incidents sit on fewer than k = " + settings.k() + " distinct locations";
        }
        if (problem != null) {
            if (backtest.testFrom() != null) {
                throw new IllegalArgumentException(problem);
            }
            notes.add("future-period evaluation skipped: " + problem);
            return null;
        }
        WeightedPoints trainPoints = WeightedPoints.of(train, projection);
        KMeans.Fit fit = kmeans.fit(trainPoints, settings.k(), settings.restarts(), settings.seed(), progress);
        List<Circle> circles = describe(train, trainPoints, fit, projection, settings.radius()).circles;

        double[] tx = test.stream().mapToDouble(i -> projection.x(i.lon())).toArray();
        double[] ty = test.stream().mapToDouble(i -> projection.y(i.lat())).toArray();
        Layer.Circles layer = new Layer.Circles(circles);
        double circleArea = layer.areaM2();
        int circleHits = layer.hits(tx, ty);

        double studyArea;
        String studySource;
        if (boundaries.isEmpty()) {
            studyArea = Geometry.polygonArea(Geometry.convexHull(trainPoints.x(), trainPoints.y()));
            studySource = "convex hull of training incidents";
        } else {
            studyArea = boundaries.stream().mapToDouble(ring -> Geometry.polygonArea(ring.stream()
                    .map(p -> new double[] {projection.x(p.lon()), projection.y(p.lat())})
                    .toArray(double[][]::new))).sum();
            studySource = "boundaries";
        }

        GridBaseline grid = GridBaseline.of(train, test, projection, backtest.cellSizeM(), circleArea);
        int best = grid.bestPossibleHits();
        return new Evaluation(testFrom, train.size(), test.size(), studyArea / 1e6, studySource, backtest.cellSizeM(),
                MethodScore.of("kmeans", circleHits, test.size(), circleArea, studyArea, best),
                MethodScore.of("grid", grid.hits(), test.size(), grid.areaM2(), studyArea, best),
                (double) best / test.size(), grid.cells());
    }

    /** The explicit test start, or the point that leaves the last {@code testShare} of the time span for testing. */
    static LocalDateTime testFrom(List<Incident> rows, Backtest backtest) {
        if (backtest.testFrom() != null) {
            return backtest.testFrom().atStartOfDay();
        }
        LocalDateTime first = rows.stream().map(Incident::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime last = rows.stream().map(Incident::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        long spanSeconds = Duration.between(first, last).getSeconds();
        return first.plusSeconds(Math.round(spanSeconds * (1 - backtest.testShare())));
    }

    // ---------------------------------------------------------------- provenance and progress

    /** Canonical order for hashing: every hashed field, so equal rows are the only ties. */
    private static final Comparator<Incident> CANONICAL = Comparator.comparing(Incident::occurredAt)
            .thenComparing(Incident::incidentId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Incident::offenseCode, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Incident::offense)
            .thenComparingDouble(Incident::lat)
            .thenComparingDouble(Incident::lon);

    /** SHA-256 over one canonical line per incident, in canonical order, so the same incidents hash alike in any order. */
    /** {@link #CANONICAL} on columns, making a row's id (a new string) only when the times are equal. */
    private static IntSort.RowOrder canonical(IncidentColumns c) {
        Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        return (a, b) -> {
            int o = c.compareTime(a, b);
            if (o == 0) {
                o = nullsFirst.compare(c.incidentId(a), c.incidentId(b));
            }
            if (o == 0) {
                o = nullsFirst.compare(c.offenseCode(a), c.offenseCode(b));
            }
            if (o == 0) {
                o = c.offense(a).compareTo(c.offense(b));
            }
            if (o == 0) {
                o = Double.compare(c.lat(a), c.lat(b));
            }
            return o != 0 ? o : Double.compare(c.lon(a), c.lon(b));
        };
    }

    static String dataHash(List<Incident> rows) {
        // Row numbers are sorted, not a copy of the rows: columns would make every row an object to copy it.
        int[] sorted = IntSort.sortedRows(rows.size(), rows instanceof IncidentColumns c ? canonical(c)
                : (a, b) -> CANONICAL.compare(rows.get(a), rows.get(b)));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder line = new StringBuilder(128);
            for (int r : sorted) {
                Incident i = rows.get(r);
                line.setLength(0);
                line.append(i.incidentId()).append('\t').append(i.occurredAt()).append('\t').append(i.lat()).append('\t')
                        .append(i.lon()).append('\t').append(i.offenseCode()).append('\t').append(i.offense()).append('\n');
                sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Progress of a sub-task mapped onto units {@code offset .. offset+size} of {@code total}. */
    private static Progress part(Progress outer, long offset, long size, long total) {
        return new Progress() {
            @Override
            public void update(long done, long subTotal, String message) {
                long scaled = subTotal > 0 ? offset + Math.round((double) done / subTotal * size) : offset;
                outer.update(scaled, total, message);
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }
}
