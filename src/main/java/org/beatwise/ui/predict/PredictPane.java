package org.beatwise.ui.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.beatwise.app.Services;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.HotspotSetSummary;
import org.beatwise.importing.AreaLayerInfo;
import org.beatwise.importing.GeoJsonAreas;
import org.beatwise.importing.ImportService;
import org.beatwise.importing.Incident;
import org.beatwise.model.ModelService;
import org.beatwise.model.ModelSummary;
import org.beatwise.ui.map.AreaLayer;
import org.beatwise.ui.shell.PaneContext;

/** Builds the Predict & Map pane from the services. */
public final class PredictPane {

    private static final Logger LOG = Logger.getLogger(PredictPane.class.getName());

    private PredictPane() { }

    public static PredictView create(PaneContext c) {
        Services s = c.services();
        PredictSources sources = new PredictSources(
                () -> modelNames(s.models()),
                name -> model(s.models(), name),
                () -> s.hotspots().list().stream().map(HotspotSetSummary::name).toList(),
                name -> s.hotspots().load(name).map(HotspotSet::result).orElse(null),
                name -> s.hotspots().load(name).map(set -> points(s.imports().incidents(set.dataset()))).orElse(new double[0][]),
                () -> areaLayers(s.imports()));
        PredictView view = new PredictView(new PredictViewModel(c.session(), s.alerts(), sources, c.tasks()));
        String tiles = s.mapSettings().get().urlTemplate();
        if (!tiles.isEmpty()) {
            view.map().setTiles(tiles);
        }
        return view;
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

    /** At most this many incidents go to the density layer: enough to show where they gather. */
    static final int DENSITY_POINTS = 20_000;

    /** Every n-th incident (a fixed stride, so the layer is the same every time), as [lat, lon]. */
    static double[][] points(List<Incident> incidents) {
        int step = Math.max(1, (incidents.size() + DENSITY_POINTS - 1) / DENSITY_POINTS);
        double[][] out = new double[(incidents.size() + step - 1) / step][];
        for (int i = 0, j = 0; i < incidents.size(); i += step, j++) {
            out[j] = new double[] {incidents.get(i).lat(), incidents.get(i).lon()};
        }
        return out;
    }

    /** The shipped Boston police districts first, then every boundary layer the station imported. */
    static List<AreaLayer> areaLayers(ImportService imports) {
        List<AreaLayer> layers = new ArrayList<>();
        layers.add(new AreaLayer("Boston police districts", GeoJsonAreas.toJson(ImportService.bostonDistricts()), "DISTRICT"));
        for (AreaLayerInfo info : imports.areaLayers()) {
            layers.add(new AreaLayer(info.name(), GeoJsonAreas.toJson(imports.areas(info.name())), info.nameProperty()));
        }
        return layers;
    }
}
