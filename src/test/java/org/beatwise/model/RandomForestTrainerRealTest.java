package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.beatwise.domain.Incident;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The goals of issue 5 on the real Mattapan 2015–2018 rows, description target, default settings.
 * scikit-learn's version of the paper's model reached top-3 0.273 and log loss 3.87 against the
 * prior's 3.67; Beatwise must reach top-3 ≥ 0.285 and log loss ≤ 3.50 on the same kind of split.
 * With about 6,800 test rows a top-3 share has a standard error of about 0.0055, so "within noise"
 * allows two of them below the goal.
 */
@Tag("real")
class RandomForestTrainerRealTest {

    private static final double TOP3_NOISE = 0.011;

    private static List<Incident> rows;
    private static Evaluation stratified;

    @BeforeAll
    static void train() {
        rows = BostonData.mattapan(2015, 2016, 2017, 2018);
        TrainingSettings settings = TrainingSettings.of(Map.of("model.split", "stratified"));
        stratified = new RandomForestTrainer().train(new TrainingData("mattapan", rows), settings, Progress.NONE)
                .metadata().evaluation();
    }

    @Test
    void stratifiedSplitMeetsTheGoals() {
        Scores s = stratified.model().scores();
        assertTrue(s.top3Accuracy() >= 0.285 - TOP3_NOISE, "top-3 " + s.top3Accuracy());
        assertTrue(s.logLoss() <= 3.50, "log loss " + s.logLoss());
        assertTrue(s.logLoss() < stratified.prior().logLoss(), "log loss " + s.logLoss() + " vs prior " + stratified.prior().logLoss());
        assertTrue(s.accuracy() > stratified.majority().accuracy(), "accuracy " + s.accuracy());
        assertTrue(stratified.forestOnly().logLoss() >= s.logLoss(), "the blend can only help on log loss");
    }

    @Test
    void baselinesAreScoredOnTheSameRows() {
        // majority and prior predict the same class for every row, so their accuracy and top-3 agree
        assertEquals(stratified.majority().accuracy(), stratified.prior().accuracy(), 1e-12);
        assertEquals(stratified.majority().top3Accuracy(), stratified.prior().top3Accuracy(), 1e-12);
        assertTrue(stratified.prior().accuracy() > 0.08 && stratified.prior().accuracy() < 0.11,
                "the most common description is about 9 % of rows: " + stratified.prior().accuracy());
        assertEquals(stratified.nTest(), stratified.model().perClass().stream().mapToInt(ClassMetrics::support).sum());
    }

    @Test
    void temporalSplitStillBeatsThePrior() {
        Evaluation temporal = new RandomForestTrainer().train(new TrainingData("mattapan", rows),
                TrainingSettings.defaults(), Progress.NONE).metadata().evaluation();
        assertTrue(temporal.model().scores().logLoss() < temporal.prior().logLoss(),
                "log loss " + temporal.model().scores().logLoss() + " vs prior " + temporal.prior().logLoss());
    }

    @Test
    void identicalRunsGiveIdenticalFigures() {
        List<Incident> year = BostonData.mattapan(2016);
        TrainingSettings s = TrainingSettings.of(Map.of("model.trees", "10", "model.min_class_size", "30"));
        Evaluation a = new RandomForestTrainer().train(new TrainingData("y", year), s, Progress.NONE).metadata().evaluation();
        Evaluation b = new RandomForestTrainer().train(new TrainingData("y", year), s, Progress.NONE).metadata().evaluation();
        assertEquals(a.model().scores(), b.model().scores());
        assertEquals(a.prior(), b.prior());
        assertEquals(a.blendWeight(), b.blendWeight());
    }
}
