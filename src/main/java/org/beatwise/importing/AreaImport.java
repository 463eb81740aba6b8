package org.beatwise.importing;

/** What importing a boundary file made: the stored layer, and the features left out of it. */
public record AreaImport(AreaLayerInfo layer, SkippedFeatures skipped) {
}
