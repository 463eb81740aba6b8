package org.beatwise.ui.predict;

import java.time.LocalDate;
import org.beatwise.features.Query;
import org.beatwise.model.ExplanationService;
import org.beatwise.model.ModelService;
import org.beatwise.model.Sensitivity;
import org.beatwise.profile.PlaceProfile;
import org.beatwise.profile.PlaceProfileService;

/**
 * Where the place panel gets its figures: {@link #of} reads them from the services, tests fill it from
 * what they built.
 */
public record ProfileSources(DatasetOfModel datasetOfModel, Profiles profiles, Sensitivities sensitivities) {

    @FunctionalInterface
    public interface DatasetOfModel {
        String datasetOf(String model);
    }

    @FunctionalInterface
    public interface Profiles {
        PlaceProfile profile(String dataset, double lat, double lon, double radiusM, LocalDate from, LocalDate to);
    }

    @FunctionalInterface
    public interface Sensitivities {
        Sensitivity.Explanation explain(String model, Query query);
    }

    public static ProfileSources of(ModelService models, PlaceProfileService profiles, ExplanationService explanations) {
        return new ProfileSources(name -> models.load(name).metadata().datasetName(), profiles::profile,
                explanations::sensitivity);
    }
}
