package org.beatwise.ui.predict;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.ui.map.AreaLayer;

/**
 * Where the prediction screen gets its models, hotspot sets (with the [lat, lon] of their dataset's
 * incidents, for the density layer) and base-map layers; the pane wiring fills it from the services,
 * tests from what they built.
 */
public record PredictSources(
        Supplier<List<String>> modelNames,
        Function<String, ModelChoice> models,
        Supplier<List<String>> hotspotSetNames,
        Function<String, HotspotResult> hotspotSets,
        Function<String, double[][]> hotspotSetIncidents,
        Supplier<List<AreaLayer>> areaLayers) { }
