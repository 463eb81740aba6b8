package org.beatwise.ui.predict;

import java.util.ArrayList;
import java.util.List;
import org.beatwise.app.Services;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.HotspotSetSummary;
import org.beatwise.importing.AreaLayerInfo;
import org.beatwise.importing.GeoJsonAreas;
import org.beatwise.importing.ImportService;
import org.beatwise.ui.map.AreaLayer;
import org.beatwise.ui.shell.PaneContext;

/** Builds the Predict & Map pane from the services. */
public final class PredictPane {

    private PredictPane() { }

    public static PredictView create(PaneContext c) {
        Services s = c.services();
        PredictSources sources = new PredictSources(
                List::of,
                name -> null,
                () -> s.hotspots().list().stream().map(HotspotSetSummary::name).toList(),
                name -> s.hotspots().load(name).map(HotspotSet::result).orElse(null),
                () -> areaLayers(s.imports()));
        PredictView view = new PredictView(new PredictViewModel(c.session(), s.alerts(), sources));
        String tiles = s.mapSettings().get().urlTemplate();
        if (!tiles.isEmpty()) {
            view.map().setTiles(tiles);
        }
        return view;
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
