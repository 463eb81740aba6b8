package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beatwise.domain.Incident;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;
import org.beatwise.task.Progress;
import org.beatwise.testing.SmallModels;
import org.junit.jupiter.api.Test;

/** Sensitivity sweeps, held-out rows found again, and permutation importance on real forests. */
class ExplanationsTest {

    static final OffenseCategories CATEGORIES = OffenseCategories.load();

    /**
     * The class follows the hour (day types before noon, night types after, 85 % of the time), the month is
     * always July, the place is noise: the model can use the hour and cannot use the month.
     */
    static List<Incident> hourDriven(int n) {
        Random r = new Random(42);
        List<Incident> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2021, 7, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            LocalDateTime t = start.plusDays(r.nextInt(31)).withHour(r.nextInt(24)).withMinute(r.nextInt(60));
            boolean day = t.getHour() < 12;
            String offence = (r.nextDouble() < 0.85) == day ? "DAY TYPE" : "NIGHT TYPE";
            rows.add(new Incident("H" + i, t, 42.30 + r.nextGaussian() * 0.01, -71.08 + r.nextGaussian() * 0.01, offence,
                    "1", "G", i % 3 == 0 ? "B3" : "E18", i + 2));
        }
        return rows;
    }

    static TrainedModel train(List<Incident> rows, Split split) {
        TrainingSettings s = TrainingSettings.defaults().withTrees(15).withMinClassSize(5).withSplit(split);
        return new RandomForestTrainer(CATEGORIES).train(new TrainingData("hour-driven", rows), s, Progress.NONE);
    }

    @Test
    void hourAndDaySweepsEqualCallingThePredictorForEachVariant() {
        Predictor predictor = SmallModels.MODEL.predictor();
        Query q = Query.of(SmallModels.ROWS.get(11));
        Sensitivity.Explanation e = new Sensitivity(predictor).explain(q);
        List<String> top = predictor.predict(q).ranked().stream().limit(Sensitivity.TOP_CLASSES).map(ClassProbability::label)
                .toList();
        assertEquals(top, e.hours().classes());
        for (int h = 0; h < 24; h++) {
            Map<String, Double> direct = predictor.predict(new Query(h, q.dayOfWeek(), q.month(), q.lat(), q.lon())).probabilities();
            for (int c = 0; c < top.size(); c++) {
                assertEquals(direct.get(top.get(c)), e.hours().probabilities().get(h).get(c), 0.0, "hour " + h);
            }
        }
        for (int d = 1; d <= 7; d++) {
            Map<String, Double> direct = predictor.predict(new Query(q.hour(), d, q.month(), q.lat(), q.lon())).probabilities();
            for (int c = 0; c < top.size(); c++) {
                assertEquals(direct.get(top.get(c)), e.days().probabilities().get(d - 1).get(c), 0.0, "day " + d);
            }
        }
        // the grid: 49 points 150 m apart, centre = the query itself
        assertEquals(49, e.place().points().size());
        Sensitivity.GridPoint centre = e.place().points().get(24);
        assertEquals(0, centre.eastM());
        assertEquals(0, centre.northM());
        assertEquals(predictor.predict(q).confidence(), centre.probability(), 0.0);
        Sensitivity.GridPoint corner = e.place().points().get(0);
        assertEquals(Math.hypot(450, 450), org.beatwise.geo.LatLon.haversineMetres(q.lat(), q.lon(), corner.lat(), corner.lon()),
                1.0, "south-west corner 450 m west and 450 m south");
        assertEquals(predictor.predict(new Query(q.hour(), q.dayOfWeek(), q.month(), corner.lat(), corner.lon()))
                .probabilities().get(top.get(0)), corner.probability(), 0.0);
        assertEquals(e.hours().spread(0), e.hourSpread());
        assertTrue(e.statement().contains("not what causes"), e.statement());
    }

    @Test
    void theStatementFollowsTheMeasuredSpreadsOnly() {
        Sensitivity.PlaceGrid grid = new Sensitivity.PlaceGrid("X", 7, 150, List.of());
        assertTrue(Sensitivity.statement("X", 0.30, 0.05, grid).contains("leans on the hour more than on the place"));
        assertTrue(Sensitivity.statement("X", 0.05, 0.30, grid).contains("leans on the place more than on the hour"));
        assertTrue(Sensitivity.statement("X", 0.10, 0.12, grid).contains("about equally"));
    }

    @Test
    void heldOutRowsAreTheTrainersTestRows() {
        for (Split split : Split.values()) {
            List<Incident> rows = hourDriven(3000);
            TrainedModel model = train(rows, split);
            HeldOutRows held = HeldOutRows.of(model, rows, CATEGORIES);
            Evaluation stored = model.metadata().evaluation();
            assertEquals(stored.nTest(), held.size(), split.key());
            double[][] probs = new double[held.size()][];
            List<Query> q = held.queries();
            for (int i = 0; i < probs.length; i++) {
                probs[i] = new double[model.predictor().classes().size()];
                model.predictor().probabilities(q.get(i), probs[i]);
            }
            Scores again = Metrics.of(model.predictor().classes(), held.truth(), probs).scores();
            assertEquals(stored.model().scores(), again, "the same rows give the same figures: " + split.key());
        }
    }

    @Test
    void heldOutRowsRefuseAChangedDataset() {
        List<Incident> rows = hourDriven(1000);
        TrainedModel model = train(rows, Split.STRATIFIED);
        List<Incident> changed = new ArrayList<>(rows.subList(1, rows.size()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeldOutRows.of(model, changed, CATEGORIES));
        assertTrue(e.getMessage().contains("has changed since model"), e.getMessage());
    }

    @Test
    void aConstantColumnHasNoImportanceAndTheHourHasSome() {
        List<Incident> rows = hourDriven(3000);
        TrainedModel model = train(rows, Split.STRATIFIED);
        HeldOutRows held = HeldOutRows.of(model, rows, CATEGORIES);
        FeatureImportance f = PermutationImportance.of(held, 42, 3);
        Map<String, FeatureImportance.Feature> byName = f.features().stream()
                .collect(Collectors.toMap(FeatureImportance.Feature::feature, Function.identity()));
        assertEquals(List.of("hour", "day_of_week", "month", "lat", "lon"), f.features().stream()
                .map(FeatureImportance.Feature::feature).toList());
        assertEquals(0.0, byName.get("month").logLossIncrease(), 1e-12, "every row is in July");
        assertEquals(0.0, byName.get("month").top3Drop(), 1e-12);
        assertTrue(byName.get("hour").logLossIncrease() > 0.1, "the class follows the hour: " + byName.get("hour"));
        assertTrue(byName.get("hour").accuracyDrop() > 0.1, "" + byName.get("hour"));
        assertTrue(byName.get("hour").logLossIncrease() > 5 * Math.abs(byName.get("lat").logLossIncrease()),
                "hour " + byName.get("hour") + " against noise " + byName.get("lat"));
        assertEquals(42, f.seed());
        assertEquals(held.size(), f.rows());
        assertEquals(f, PermutationImportance.of(held, 42, 3), "the same seed gives the same figures");
    }

    @Test
    void groupsAddUpToTheTestRowsAndSitBesideTheirOwnBaselines() {
        List<Incident> rows = hourDriven(3000);
        TrainedModel model = train(rows, Split.STRATIFIED);
        HeldOutRows held = HeldOutRows.of(model, rows, CATEGORIES);
        for (Grouping by : Grouping.values()) {
            GroupEvaluation g = GroupEvaluation.of("m", held, by, CATEGORIES);
            assertEquals(held.size(), Arrays.stream(g.sizes()).sum(), by.key());
            assertEquals(held.size(), g.nTest());
        }
        GroupEvaluation bands = GroupEvaluation.of("m", held, Grouping.HOUR_BAND, CATEGORIES);
        assertEquals(4, bands.groups().size());
        // the majority baseline on a band is right exactly for the rows of the majority class in that band
        String majority = model.predictor().classes().get(0);
        for (GroupEvaluation.Group group : bands.groups()) {
            long ofMajority = 0;
            for (int i = 0; i < held.size(); i++) {
                if (Grouping.band(held.incidents().get(i).hour()).equals(group.group())
                        && held.incidents().get(i).offense().equals(majority)) {
                    ofMajority++;
                }
            }
            assertEquals((double) ofMajority / group.n(), group.majority().accuracy(), 1e-12, group.group());
        }
        List<String> notes = GroupEvaluation.notes(12, new Scores(0.1, 0, 0, 0, 0, 0, 0, 0, 0.2, 3, 0, 0),
                new GroupEvaluation.Baseline(0.3, 0.5, 2), new GroupEvaluation.Baseline(0.3, 0.5, 2));
        assertEquals(4, notes.size(), "few rows, and below every baseline: " + notes);
    }

    @Test
    void groupingNamesItsChoices() {
        assertEquals(Grouping.HOUR_BAND, Grouping.parse("hour-band"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grouping.parse("beat"));
        assertTrue(e.getMessage().contains("district, category, hour-band; was 'beat'"), e.getMessage());
    }
}
