package org.beatwise.model;

import org.beatwise.task.Progress;

/**
 * Turns rows and settings into a trained, evaluated model with its provenance. Implementations
 * report progress, stop with {@link org.beatwise.task.CancelledException} when cancelled, and give
 * identical models and figures for identical data, settings and seed.
 */
public interface Trainer {

    TrainedModel train(TrainingData data, TrainingSettings settings, Progress progress);
}
