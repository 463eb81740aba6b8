package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.beatwise.domain.Incident;
import org.beatwise.features.Query;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainer behaviour on small synthetic data, fast enough for every build. */
class RandomForestTrainerTest {

    static final List<Incident> ROWS = TestIncidents.noiseTheftOther(3000, 7);

    static TrainingSettings small(Split split, int slots) {
        return TrainingSettings.defaults().withSplit(split).withTrees(10).withMaxDepth(6).withMinLeaf(5)
                .withMinClassSize(20).withSeed(42).withExecutionSlots(slots);
    }

    static TrainedModel train(TrainingSettings settings) {
        return new RandomForestTrainer().train(new TrainingData("synthetic", ROWS, "tester"), settings, Progress.NONE);
    }

    @Test
    void learnsTheStructureAndBeatsTheBaselines() {
        Evaluation e = train(small(Split.STRATIFIED, 0)).metadata().evaluation();
        assertTrue(e.model().scores().accuracy() > e.majority().accuracy() + 0.05, "accuracy " + e.model().scores());
        assertTrue(e.model().scores().logLoss() < e.prior().logLoss(), "log loss " + e.model().scores());
        assertTrue(e.blendWeight() > 0 && e.blendWeight() <= 1);
        assertEquals(3, e.model().perClass().size());
        assertEquals(e.nTest(), e.model().perClass().stream().mapToInt(ClassMetrics::support).sum());
    }

    @Test
    void recordsProvenance() {
        ModelMetadata m = train(small(Split.TEMPORAL, 0)).metadata();
        assertEquals("synthetic", m.datasetName());
        assertEquals(RowHash.of(ROWS), m.datasetSha256());
        assertEquals(64, m.trainRowsSha256().length());
        assertEquals("tester", m.createdBy());
        assertEquals(List.of("hour", "day_of_week", "month", "lat", "lon"), m.features());
        assertEquals("temporal", m.split());
        assertEquals("10", m.settings().get("model.trees"));
        assertEquals(weka.core.Version.VERSION, m.wekaVersion());
        assertEquals(ROWS.size(), m.data().rows());
        assertEquals(m.data().nTrain() + m.data().nTest() + m.data().testRowsRemoved() + m.data().trainRowsRemoved(),
                ROWS.size() - m.data().rowsWithoutLabel());
        assertTrue(m.data().testFrom().compareTo(m.data().trainTo()) > 0, "temporal: test after train");
    }

    @Test
    void identicalRunsGiveIdenticalModelsWhateverTheThreadCount(@TempDir Path dir) {
        TrainedModel a = train(small(Split.STRATIFIED, 1));
        TrainedModel b = train(small(Split.STRATIFIED, 2));
        ModelStore store = new ModelStore(dir);
        String shaA = store.save(a, "a").metadata().modelSha256();
        String shaB = store.save(b, "b").metadata().modelSha256();
        assertEquals(shaA, shaB, "the serialised forests differ");
        assertEquals(a.metadata().evaluation().model().scores(), b.metadata().evaluation().model().scores());
        assertArrayEquals(a.metadata().evaluation().model().confusion(), b.metadata().evaluation().model().confusion());
    }

    @Test
    void reportsTreesBuiltUpToTheTotal() {
        List<long[]> updates = new ArrayList<>();
        Progress recording = new Progress() {
            @Override public void update(long done, long total, String message) {
                updates.add(new long[] {done, total});
            }
            @Override public boolean isCancelled() {
                return false;
            }
        };
        new RandomForestTrainer().train(new TrainingData("s", ROWS), small(Split.TEMPORAL, 2), recording);
        long[] last = updates.get(updates.size() - 1);
        // one forest of 10 trees: the blend weight comes from its out-of-bag rows, not a second forest
        assertEquals(10, last[1], "one forest of 10 trees");
        assertEquals(10, last[0]);
        assertTrue(updates.size() >= 10, "one update per tree at least");
    }

    @Test
    void stopsWhenCancelled() {
        AtomicBoolean cancel = new AtomicBoolean();
        Progress cancelAfterFirstTree = new Progress() {
            @Override public void update(long done, long total, String message) {
                if (done >= 1) {
                    cancel.set(true);
                }
            }
            @Override public boolean isCancelled() {
                return cancel.get();
            }
        };
        assertThrows(CancelledException.class, () -> new RandomForestTrainer()
                .train(new TrainingData("s", ROWS), small(Split.TEMPORAL, 1), cancelAfterFirstTree));
    }

    @Test
    void refusesWhenTooFewClassesAreLeft() {
        TrainingSettings huge = TrainingSettings.defaults().withTrees(5).withMaxDepth(4).withMinLeaf(5)
                .withMinClassSize(100_000).withExecutionSlots(1);
        var e = assertThrows(IllegalArgumentException.class, () -> train(huge));
        assertTrue(e.getMessage().contains("lower the minimum class size"), e.getMessage());
    }

    @Test
    void smallClassesAreRemovedAndCounted() {
        List<Incident> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < 15; i++) {
            Incident t = ROWS.get(i);
            rows.add(new Incident("R" + i, t.occurredAt(), t.lat(), t.lon(), "RARE", "1", "rare", "B3", i));
        }
        TrainedModel m = new RandomForestTrainer().train(new TrainingData("s", rows), small(Split.STRATIFIED, 0),
                Progress.NONE);
        DataSummary d = m.metadata().data();
        assertEquals(4, d.classesSeen());
        assertEquals(1, d.classesRemoved());
        assertEquals(12, d.trainRowsRemoved(), "80 % of the 15 RARE rows were training rows");
        assertEquals(3, d.testRowsRemoved());
        assertTrue(!m.predictor().classes().contains("RARE"));
    }

    @Test
    void predictionsAreRankedAndSumToOne() {
        Predictor p = train(small(Split.STRATIFIED, 0)).predictor();
        Prediction pred = p.predict(new Query(2, 6, 7, 42.29, -71.08));
        double sum = pred.ranked().stream().mapToDouble(ClassProbability::probability).sum();
        assertEquals(1.0, sum, 1e-9);
        for (int i = 1; i < pred.ranked().size(); i++) {
            assertTrue(pred.ranked().get(i - 1).probability() >= pred.ranked().get(i).probability());
        }
        assertEquals("NOISE", pred.predicted(), "night in the north is mostly noise");
        assertEquals(pred.ranked().get(0).probability(), pred.confidence());
        assertTrue(pred.ranked().stream().allMatch(cp -> cp.probability() > 0), "the blend leaves no class at zero");
    }
}
