package org.beatwise.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;

/**
 * Everything that decides how a crime-type model is trained. Built only through the compact
 * constructor, which refuses a bad value with a message naming the field and the value.
 *
 * @param trees            number of trees in the forest, 1–1000
 * @param maxDepth         deepest a tree may grow; 0 means no limit (Weka's convention)
 * @param featuresPerSplit features tried at each split; 0 means the square-root rule
 * @param minLeaf          fewest (bootstrap-weighted) training rows a leaf may hold, ≥ 1
 * @param minClassSize     classes with fewer training rows than this are left out, ≥ 1
 * @param seed             drives the split, the bootstrap samples and the feature choices
 * @param executionSlots   threads used to grow trees; 0 means one per available core
 */
public record TrainingSettings(
        Target target,
        FeatureSet featureSet,
        int trees,
        int maxDepth,
        int featuresPerSplit,
        int minLeaf,
        int minClassSize,
        Split split,
        int seed,
        int executionSlots) {

    public static final int DEFAULT_SEED = 42;

    public TrainingSettings {
        Objects.requireNonNull(target, "target must be set");
        Objects.requireNonNull(featureSet, "featureSet must be set");
        Objects.requireNonNull(split, "split must be set");
        if (trees < 1 || trees > 1000) {
            throw new IllegalArgumentException("trees must be between 1 and 1000, was " + trees);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0 (0 = no limit), was " + maxDepth);
        }
        if (featuresPerSplit < 0) {
            throw new IllegalArgumentException("featuresPerSplit must be >= 0 (0 = square-root rule), was "
                    + featuresPerSplit);
        }
        // Spans two settings, so it is checked here once, with what to use instead.
        if (featuresPerSplit > featureSet.size()) {
            throw new IllegalArgumentException("featuresPerSplit must be at most " + featureSet.size()
                    + " for feature set " + featureSet.key() + ", was " + featuresPerSplit
                    + " (use 0 for the square-root rule)");
        }
        if (minLeaf < 1) {
            throw new IllegalArgumentException("minLeaf must be >= 1, was " + minLeaf);
        }
        if (minClassSize < 1) {
            throw new IllegalArgumentException("minClassSize must be >= 1, was " + minClassSize);
        }
        if (executionSlots < 0) {
            throw new IllegalArgumentException("executionSlots must be >= 0 (0 = all cores), was " + executionSlots);
        }
    }

    /**
     * Beatwise's defaults: 50 trees, depth 8, at least 40 rows per leaf, temporal split. Depth and
     * leaf size were chosen by mean log loss on validation slices of the Mattapan 2015–2018 training
     * part (both splits, three seeds), never on the test part; see docs/model.md for the table.
     * Leaves that rest on 40 rows give steadier class frequencies, which is what log loss rewards,
     * and the forest is about 70 times smaller than the paper's.
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(Target.DESCRIPTION, FeatureSet.DEFAULT, 50, 8, 0, 40, 100,
                Split.TEMPORAL, DEFAULT_SEED, 0);
    }

    /**
     * The paper's forest exactly: 50 trees, depth 15, square-root rule, Weka's leaf size of 1, seed 42.
     * Only the forest changes; add {@code features=paper} and {@code split=stratified} to replay the
     * paper's whole set-up.
     */
    public static TrainingSettings paper() {
        return new TrainingSettings(Target.DESCRIPTION, FeatureSet.DEFAULT, 50, 15, 0, 1, 100,
                Split.TEMPORAL, DEFAULT_SEED, 0);
    }

    /** A named preset: {@code default} or {@code paper}. */
    public static TrainingSettings preset(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "default" -> defaults();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("preset must be one of default, paper; was '" + name + "'");
        };
    }

    /** Features tried per split once the square-root rule is applied (at least 1). */
    public int effectiveFeaturesPerSplit() {
        return featuresPerSplit > 0 ? featuresPerSplit : Math.max(1, (int) Math.floor(Math.sqrt(featureSet.size())));
    }

    /** Worker threads to use once "0 = all cores" is resolved. */
    public int effectiveExecutionSlots() {
        return executionSlots > 0 ? executionSlots : Runtime.getRuntime().availableProcessors();
    }

    // ---- flat, namespaced keys for the settings table and bundle metadata

    public static final String PREFIX = "model.";

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "target", target.key());
        p.put(PREFIX + "features", featureSet.key());
        p.put(PREFIX + "trees", Integer.toString(trees));
        p.put(PREFIX + "depth", Integer.toString(maxDepth));
        p.put(PREFIX + "features_per_split", Integer.toString(featuresPerSplit));
        p.put(PREFIX + "min_leaf", Integer.toString(minLeaf));
        p.put(PREFIX + "min_class_size", Integer.toString(minClassSize));
        p.put(PREFIX + "split", split.key());
        p.put(PREFIX + "seed", Integer.toString(seed));
        p.put(PREFIX + "slots", Integer.toString(executionSlots));
        return p;
    }

    /** Reads settings from flat keys; a missing key takes its value from {@link #defaults()}. */
    public static TrainingSettings fromProperties(Map<String, String> p) {
        return fromProperties(p, defaults());
    }

    /** Reads settings from flat keys; a missing key takes its value from {@code base} (e.g. a preset). */
    public static TrainingSettings fromProperties(Map<String, String> p, TrainingSettings base) {
        return new TrainingSettings(
                get(p, "target", Target::parse, base.target),
                get(p, "features", FeatureSet::parse, base.featureSet),
                get(p, "trees", TrainingSettings::integer, base.trees),
                get(p, "depth", TrainingSettings::integer, base.maxDepth),
                get(p, "features_per_split", TrainingSettings::integer, base.featuresPerSplit),
                get(p, "min_leaf", TrainingSettings::integer, base.minLeaf),
                get(p, "min_class_size", TrainingSettings::integer, base.minClassSize),
                get(p, "split", Split::parse, base.split),
                get(p, "seed", TrainingSettings::integer, base.seed),
                get(p, "slots", TrainingSettings::integer, base.executionSlots));
    }

    private static <T> T get(Map<String, String> p, String key, Function<String, T> parse, T fallback) {
        String text = p.get(PREFIX + key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + key + ": " + e.getMessage(), e);
        }
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: '" + text + "'");
        }
    }
}
