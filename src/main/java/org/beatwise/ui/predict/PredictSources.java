package org.beatwise.ui.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.beatwise.domain.Incident;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.HotspotSetSummary;
import org.beatwise.importing.AreaLayerInfo;
import org.beatwise.importing.AreaService;
import org.beatwise.importing.DatasetService;
import org.beatwise.importing.GeoJsonAreas;
import org.beatwise.model.ModelService;
import org.beatwise.model.ModelSummary;
import org.beatwise.ui.map.AreaLayer;

/**
 * Where the prediction screen gets its models, hotspot sets (with the [lat, lon] of their dataset's
 * incidents, for the density layer) and base-map layers: {@link #of} reads them from the services,
 * tests fill it from what they built.
 */
public record PredictSources(
        Supplier<List<String>> modelNames,
        Function<String, ModelChoice> models,
        Supplier<List<String>> hotspotSetNames,
        Function<String, HotspotResult> hotspotSets,
        Function<String, double[][]> hotspotSetIncidents,
        Supplier<List<AreaLayer>> areaLayers) {

    private static final Logger LOG = Logger.getLogger(PredictSources.class.getName());

    /** At most this many incidents go to the density layer: enough to show where they gather. */
    static final int DENSITY_POINTS = 20_000;

    public static PredictSources of(ModelService models, HotspotService hotspots, DatasetService datasets, AreaService areas) {
        return new PredictSources(
                () -> modelNames(models),
                name -> model(models, name),
                () -> hotspots.list().stream().map(HotspotSetSummary::name).toList(),
                name -> hotspots.load(name).map(HotspotSet::result).orElse(null),
                name -> hotspots.load(name).map(set -> points(datasets.incidents(set.dataset()))).orElse(new double[0][]),
                () -> areaLayers(areas));
    }

    /** A saved model for the form; one that cannot be read is logged and leaves the form without a model. */
    static ModelChoice model(ModelService models, String name) {
        try {
            return ModelChoice.of(models.load(name));
        } catch (RuntimeException e) {
            LOG.warning("cannot load model '" + name + "': " + e.getMessage());
            return null;
        }
    }

    /** Saved models that can be read, the last one used first. */
    static List<String> modelNames(ModelService models) {
        String last = models.lastUsed().orElse("");
        List<String> names = new ArrayList<>(models.list().stream().filter(m -> m.problem() == null)
                .map(ModelSummary::name).toList());
        if (names.remove(last)) {
            names.add(0, last);
        }
        return names;
    }

    /** Every n-th incident (a fixed stride, so the layer is the same every time), as [lat, lon]. */
    static double[][] points(List<Incident> incidents) {
        int step = Math.max(1, (incidents.size() + DENSITY_POINTS - 1) / DENSITY_POINTS);
        double[][] out = new double[(incidents.size() + step - 1) / step][];
        for (int i = 0, j = 0; i < incidents.size(); i += step, j++) {
            out[j] = new double[] {incidents.get(i).lat(), incidents.get(i).lon()};
        }
        return out;
    }

    /**
     * The shipped Boston police districts first, then every boundary layer the station imported. Public so
     * the shell can give the same layers to the Hotspots pane's map.
     */
    public static List<AreaLayer> areaLayers(AreaService areas) {
        List<AreaLayer> layers = new ArrayList<>();
        layers.add(new AreaLayer("Boston police districts", GeoJsonAreas.toJson(AreaService.bostonDistricts()), "DISTRICT"));
        for (AreaLayerInfo info : areas.areaLayers()) {
            layers.add(new AreaLayer(info.name(), GeoJsonAreas.toJson(areas.areas(info.name())), info.nameProperty()));
        }
        return layers;
    }
}
