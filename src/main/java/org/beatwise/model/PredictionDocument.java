package org.beatwise.model;

import java.time.DayOfWeek;
import java.util.Map;
import org.beatwise.features.Query;

/**
 * One prediction as a document: the {@code predict --json} output and the body of the HTTP API's
 * {@code /predict}. Probabilities run from the most to the least probable class.
 *
 * @param dow the day of week's first three letters, {@code MON} … {@code SUN}
 */
public record PredictionDocument(String model, int hour, String dow, int month, double lat, double lon, String predicted,
                                 double confidence, Map<String, Double> probabilities) {

    /** The document for a prediction of {@code model} for the query's place and time. */
    public static PredictionDocument of(String model, Query q, Prediction p) {
        return new PredictionDocument(model, q.hour(), DayOfWeek.of(q.dayOfWeek()).name().substring(0, 3), q.month(),
                q.lat(), q.lon(), p.predicted(), p.confidence(), p.probabilities());
    }
}
