package org.beatwise.model;

import java.util.Objects;
import java.util.function.Supplier;

/** A model ready to use: the prediction service and everything recorded about how it was made. */
public final class TrainedModel {

    private final Predictor predictor;
    private Supplier<ModelMetadata> pending;
    private ModelMetadata metadata;

    TrainedModel(Predictor predictor, ModelMetadata metadata) {
        this.predictor = Objects.requireNonNull(predictor);
        this.metadata = Objects.requireNonNull(metadata);
    }

    /**
     * A loaded model whose metadata is parsed on first use: the predictor is usable at once, and
     * JSON binding (slow in a fresh JVM) stays off the load path.
     */
    TrainedModel(Predictor predictor, Supplier<ModelMetadata> metadata) {
        this.predictor = Objects.requireNonNull(predictor);
        this.pending = Objects.requireNonNull(metadata);
    }

    public Predictor predictor() {
        return predictor;
    }

    /** Provenance and figures; for a loaded bundle this may throw {@link BundleException} if its JSON is unreadable. */
    public synchronized ModelMetadata metadata() {
        if (metadata == null) {
            metadata = pending.get();
            pending = null;
        }
        return metadata;
    }

    public String name() {
        return metadata().name();
    }

    TrainedModel withMetadata(ModelMetadata m) {
        return new TrainedModel(predictor, m);
    }
}
