package org.beatwise.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.beatwise.model.PredictionDocument;
import org.beatwise.store.AlertRecord;

/**
 * The answer of {@code POST /api/v1/predict}: the very document {@code predict --json} prints, with the
 * alerts the prediction raised (and stored) beside it.
 */
record PredictResponse(@JsonUnwrapped PredictionDocument prediction, List<AlertRecord> alerts) { }
