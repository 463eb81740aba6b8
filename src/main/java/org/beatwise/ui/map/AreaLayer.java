package org.beatwise.ui.map;

/** A vector base layer for the map: a GeoJSON FeatureCollection and the property that names each area. */
public record AreaLayer(String name, String geojson, String nameProperty) { }
