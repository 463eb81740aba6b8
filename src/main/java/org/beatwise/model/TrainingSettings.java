package org.beatwise.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.beatwise.settings.FieldLabels;
import org.beatwise.settings.FieldLabels.Field;
import org.beatwise.settings.FlatKeys;

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

    /**
     * How the command line and the Train pane name each setting in messages. Besides the fields it
     * covers the names that {@link Target#parse}, {@link FeatureSet#parse} and {@link #preset} put first.
     */
    public static final FieldLabels LABELS = FieldLabels.of(
            new Field("target", "--target", "Target"),
            new Field("feature set", "--features", "Feature set"),
            new Field("split", "--split", "Split"),
            new Field("preset", "--preset", "Preset"),
            new Field("trees", "--trees", "Trees"),
            new Field("maxDepth", "--depth", "Max depth"),
            new Field("featuresPerSplit", "--features-per-split", "Features per split"),
            new Field("minLeaf", "--min-leaf", "Min rows per leaf"),
            new Field("minClassSize", "--min-class-size", "Min class size"),
            new Field("seed", "--seed", "Seed"));

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
        return defaults().withMaxDepth(15).withMinLeaf(1);
    }

    /** A named preset: {@code default} or {@code paper}. */
    public static TrainingSettings preset(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "default" -> defaults();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("preset must be one of default, paper; was '" + name + "'");
        };
    }

    // Withers: each returns a copy validated as a whole. A preset's featuresPerSplit is 0, so set the
    // feature set before featuresPerSplit and the check that spans both sees the final pair.

    public TrainingSettings withTarget(Target newTarget) {
        return new TrainingSettings(newTarget, featureSet, trees, maxDepth, featuresPerSplit, minLeaf, minClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withFeatureSet(FeatureSet newFeatureSet) {
        return new TrainingSettings(target, newFeatureSet, trees, maxDepth, featuresPerSplit, minLeaf, minClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withSplit(Split newSplit) {
        return new TrainingSettings(target, featureSet, trees, maxDepth, featuresPerSplit, minLeaf, minClassSize, newSplit,
                seed, executionSlots);
    }

    public TrainingSettings withTrees(int newTrees) {
        return new TrainingSettings(target, featureSet, newTrees, maxDepth, featuresPerSplit, minLeaf, minClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withMaxDepth(int newMaxDepth) {
        return new TrainingSettings(target, featureSet, trees, newMaxDepth, featuresPerSplit, minLeaf, minClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withFeaturesPerSplit(int newFeaturesPerSplit) {
        return new TrainingSettings(target, featureSet, trees, maxDepth, newFeaturesPerSplit, minLeaf, minClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withMinLeaf(int newMinLeaf) {
        return new TrainingSettings(target, featureSet, trees, maxDepth, featuresPerSplit, newMinLeaf, minClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withMinClassSize(int newMinClassSize) {
        return new TrainingSettings(target, featureSet, trees, maxDepth, featuresPerSplit, minLeaf, newMinClassSize, split,
                seed, executionSlots);
    }

    public TrainingSettings withSeed(int newSeed) {
        return new TrainingSettings(target, featureSet, trees, maxDepth, featuresPerSplit, minLeaf, minClassSize, split,
                newSeed, executionSlots);
    }

    public TrainingSettings withExecutionSlots(int newExecutionSlots) {
        return new TrainingSettings(target, featureSet, trees, maxDepth, featuresPerSplit, minLeaf, minClassSize, split,
                seed, newExecutionSlots);
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
    public static TrainingSettings of(Map<String, String> p) {
        return of(p, defaults());
    }

    /** Reads settings from flat keys; a missing key takes its value from {@code base} (e.g. a preset). */
    public static TrainingSettings of(Map<String, String> p, TrainingSettings base) {
        FlatKeys keys = new FlatKeys(p, PREFIX);
        return new TrainingSettings(
                keys.getEnum("target", Target.class, base.target),
                keys.getEnum("features", FeatureSet.class, base.featureSet),
                keys.getInt("trees", base.trees),
                keys.getInt("depth", base.maxDepth),
                keys.getInt("features_per_split", base.featuresPerSplit),
                keys.getInt("min_leaf", base.minLeaf),
                keys.getInt("min_class_size", base.minClassSize),
                keys.getEnum("split", Split.class, base.split),
                keys.getInt("seed", base.seed),
                keys.getInt("slots", base.executionSlots));
    }
}
