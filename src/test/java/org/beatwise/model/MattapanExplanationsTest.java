package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;
import org.beatwise.json.JsonMappers;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.SmallModels;
import org.junit.jupiter.api.Test;

/** Per-district figures and importance on the real Mattapan files; the figures are kept under target/ for the notes. */
class MattapanExplanationsTest {

    @Test
    void perDistrictCountsAddUpToTheTestRowsAndImportanceIsRecorded() throws Exception {
        List<Incident> rows = BostonData.mattapan(2016, 2017);
        OffenseCategories categories = OffenseCategories.load();
        TrainingSettings s = TrainingSettings.defaults().withTrees(20);
        TrainedModel model = new RandomForestTrainer(categories).train(new TrainingData("mattapan", rows), s, Progress.NONE);
        HeldOutRows held = HeldOutRows.of(model, rows, categories);
        assertEquals(model.metadata().evaluation().nTest(), held.size());

        GroupEvaluation districts = GroupEvaluation.of("mattapan", held, Grouping.DISTRICT, categories);
        assertEquals(held.size(), Arrays.stream(districts.sizes()).sum());
        long b3 = held.incidents().stream().filter(i -> "B3".equals(i.district())).count();
        assertEquals(b3, districts.groups().stream().filter(g -> g.group().equals("B3")).findFirst().orElseThrow().n(),
                "Mattapan is district B3");
        for (GroupEvaluation.Group g : districts.groups()) {
            assertEquals(g.n() < GroupEvaluation.FEW_ROWS, g.notes().stream().anyMatch(n -> n.startsWith("only ")), g.group());
        }

        FeatureImportance importance = PermutationImportance.of(held, 42, 3);
        assertEquals(model.predictor().featureSet().size(), importance.features().size());
        Path keep = Path.of("target", "mattapan-explanations.json");
        Files.createDirectories(keep.getParent());
        Files.writeString(keep, JsonMappers.output().writeValueAsString(List.of(importance, districts,
                GroupEvaluation.of("mattapan", held, Grouping.HOUR_BAND, categories))));
    }

    @Test
    void theHourSweepOfARealForestEqualsTwentyFourCalls() {
        Predictor p = SmallModels.MODEL.predictor();
        Query q = Query.of(SmallModels.ROWS.get(99));
        Sensitivity.Sweep sweep = new Sensitivity(p).hours(q, 5);
        double[] direct = new double[p.classes().size()];
        for (int h = 0; h < 24; h++) {
            p.probabilities(new Query(h, q.dayOfWeek(), q.month(), q.lat(), q.lon()), direct);
            for (int c = 0; c < sweep.classes().size(); c++) {
                assertEquals(direct[p.classes().indexOf(sweep.classes().get(c))], sweep.probabilities().get(h).get(c), 0.0);
            }
        }
    }
}
