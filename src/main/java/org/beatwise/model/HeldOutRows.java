package org.beatwise.model;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.beatwise.domain.Incident;
import org.beatwise.features.Labeler;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;
import org.beatwise.features.Target;

/**
 * A saved model's test rows, found again from its dataset the way the trainer chose them: the same
 * labels, the same split with the recorded seed, only rows of a class the model knows. The dataset must
 * be unchanged since training (its SHA-256 is recorded), or the rows found would not be the held-out ones.
 *
 * @param incidents the test rows, in dataset order
 * @param truth     each row's class index in {@code predictor.classes()}
 */
public record HeldOutRows(Predictor predictor, List<Incident> incidents, int[] truth) {

    /** Share held out for testing: the trainer's. */
    static final double TEST_FRACTION = 0.2;

    public List<Query> queries() {
        return incidents.stream().map(Query::of).toList();
    }

    public int size() {
        return truth.length;
    }

    /**
     * @throws IllegalArgumentException when the dataset has changed since the model was trained
     */
    public static HeldOutRows of(TrainedModel model, List<Incident> rows, OffenseCategories categories) {
        ModelMetadata m = model.metadata();
        String sha = RowHash.of(rows);
        if (!sha.equals(m.datasetSha256())) {
            throw new IllegalArgumentException("dataset '" + m.datasetName() + "' has changed since model '" + m.name()
                    + "' was trained (its SHA-256 was " + m.datasetSha256() + ", is " + sha
                    + "): its held-out rows cannot be found again");
        }
        List<String> y = new Labeler(categories).label(Target.parse(m.target()), rows).values();
        List<LocalDateTime> times = rows.stream().map(Incident::occurredAt).toList();
        int[] labelled = IntStream.range(0, rows.size()).filter(i -> y.get(i) != null).toArray();
        Splitter.Parts parts = Splitter.split(Split.parse(m.split()), labelled, times, y, m.seed(), TEST_FRACTION);
        List<String> classes = model.predictor().classes();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] test = Arrays.stream(parts.test()).filter(r -> index.containsKey(y.get(r))).toArray();
        return new HeldOutRows(model.predictor(), Arrays.stream(test).mapToObj(rows::get).toList(),
                Arrays.stream(test).map(r -> index.get(y.get(r))).toArray());
    }
}
