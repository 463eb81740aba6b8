package org.beatwise.features;

import java.util.List;
import java.util.Locale;

/**
 * Named feature sets. PAPER is the set the original study used: it left out longitude, which a
 * trainer can show costs accuracy.
 */
public enum FeatureSet {
    DEFAULT(List.of(Feature.HOUR, Feature.DAY_OF_WEEK, Feature.MONTH, Feature.LAT, Feature.LON)),
    PAPER(List.of(Feature.HOUR, Feature.DAY_OF_WEEK, Feature.MONTH, Feature.LAT));

    private final List<Feature> features;

    FeatureSet(List<Feature> features) {
        this.features = features;
    }

    public List<Feature> features() {
        return features;
    }

    public int size() {
        return features.size();
    }

    /** Writes the query's values for this set into {@code out} (length {@link #size()}), allocating nothing. */
    public void fill(Query q, double[] out) {
        for (int i = 0; i < features.size(); i++) {
            out[i] = features.get(i).value(q);
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeatureSet parse(String text) {
        for (FeatureSet s : values()) {
            if (s.key().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("feature set must be one of default, paper; was '" + text + "'");
    }
}
