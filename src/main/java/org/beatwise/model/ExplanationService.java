package org.beatwise.model;

import java.util.Objects;
import org.beatwise.domain.IncidentSource;
import org.beatwise.features.OffenseCategories;
import org.beatwise.features.Query;

/**
 * Explanations of saved models for the Train &amp; Evaluate pane, the Predict &amp; Map pane and the
 * {@code evaluate} command: permutation importance and per-group figures on the held-out rows (found
 * again from the dataset with the recorded split and seed), and sensitivity sweeps of one prediction.
 */
public final class ExplanationService {

    private final ModelService models;
    private final IncidentSource incidents;
    private final OffenseCategories categories;

    public ExplanationService(ModelService models, IncidentSource incidents, OffenseCategories categories) {
        this.models = Objects.requireNonNull(models, "models");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    public ExplanationService(ModelService models, IncidentSource incidents) {
        this(models, incidents, OffenseCategories.load());
    }

    /** The model's test rows, found again in its dataset. */
    public HeldOutRows heldOut(String model) {
        TrainedModel m = models.load(model);
        return HeldOutRows.of(m, incidents.incidents(m.metadata().datasetName()), categories);
    }

    public FeatureImportance importance(String model, int seed, int repeats) {
        return PermutationImportance.of(heldOut(model), seed, repeats);
    }

    public GroupEvaluation byGroup(String model, Grouping by) {
        return GroupEvaluation.of(model, heldOut(model), by, categories);
    }

    /** Both, from one read of the dataset. */
    public Explained explainModel(String model, Grouping by, int seed, int repeats) {
        HeldOutRows rows = heldOut(model);
        return new Explained(PermutationImportance.of(rows, seed, repeats),
                by == null ? null : GroupEvaluation.of(model, rows, by, categories));
    }

    public record Explained(FeatureImportance importance, GroupEvaluation groups) { }

    public Sensitivity.Explanation sensitivity(String model, Query query) {
        return new Sensitivity(models.load(model).predictor()).explain(query);
    }
}
