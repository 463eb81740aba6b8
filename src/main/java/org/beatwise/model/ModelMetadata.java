package org.beatwise.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance and figures of a trained model, saved as {@code metadata.json} in its bundle. A field
 * that an older or foreign bundle lacks loads as "unknown" rather than failing.
 *
 * @param datasetSha256   SHA-256 of all rows handed to the trainer, in order (see {@link RowHash})
 * @param trainRowsSha256 SHA-256 of the rows the final forest was grown on
 * @param settings        every training setting as flat {@code model.*} keys
 * @param modelSha256     SHA-256 of the bundle's model entry, checked before it is deserialised
 * @param headerSha256    SHA-256 of the bundle's header entry (classes, prior, blend weight)
 * @param sample          which rows were trained and tested on: all, or a seeded sample ({@link TrainingSample}); null for
 *                        models from before sampling
 */
public record ModelMetadata(
        int formatVersion,
        String name,
        String datasetName,
        String datasetSha256,
        String trainRowsSha256,
        String target,
        String featureSet,
        List<String> features,
        List<String> classes,
        Map<String, String> settings,
        int seed,
        String split,
        DataSummary data,
        Evaluation evaluation,
        double trainSeconds,
        String appVersion,
        String wekaVersion,
        String javaVersion,
        String os,
        String arch,
        String createdBy,
        String createdAt,
        String modelSha256,
        String headerSha256,
        DataSample sample) {

    public static final int FORMAT_VERSION = 1;
    public static final String UNKNOWN = "unknown";

    public ModelMetadata {
        name = known(name);
        datasetName = known(datasetName);
        datasetSha256 = known(datasetSha256);
        trainRowsSha256 = known(trainRowsSha256);
        target = known(target);
        featureSet = known(featureSet);
        features = features == null ? List.of() : List.copyOf(features);
        classes = classes == null ? List.of() : List.copyOf(classes);
        // keep the given order (Map.copyOf would not): the settings are written to the bundle and printed
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        split = known(split);
        appVersion = known(appVersion);
        wekaVersion = known(wekaVersion);
        javaVersion = known(javaVersion);
        os = known(os);
        arch = known(arch);
        createdBy = known(createdBy);
        createdAt = known(createdAt);
        modelSha256 = known(modelSha256);
        headerSha256 = known(headerSha256);
    }

    /** Metadata without a record of sampling (models trained before sampling existed read back so too). */
    public ModelMetadata(int formatVersion, String name, String datasetName, String datasetSha256, String trainRowsSha256,
                         String target, String featureSet, List<String> features, List<String> classes,
                         Map<String, String> settings, int seed, String split, DataSummary data, Evaluation evaluation,
                         double trainSeconds, String appVersion, String wekaVersion, String javaVersion, String os,
                         String arch, String createdBy, String createdAt, String modelSha256, String headerSha256) {
        this(formatVersion, name, datasetName, datasetSha256, trainRowsSha256, target, featureSet, features, classes,
                settings, seed, split, data, evaluation, trainSeconds, appVersion, wekaVersion, javaVersion, os, arch,
                createdBy, createdAt, modelSha256, headerSha256, null);
    }

    private static String known(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }

    /** The settings this model was trained with, rebuilt from the flat keys. */
    public TrainingSettings trainingSettings() {
        return TrainingSettings.of(settings);
    }

    ModelMetadata withName(String newName) {
        return new ModelMetadata(formatVersion, newName, datasetName, datasetSha256, trainRowsSha256, target,
                featureSet, features, classes, settings, seed, split, data, evaluation, trainSeconds, appVersion,
                wekaVersion, javaVersion, os, arch, createdBy, createdAt, modelSha256, headerSha256, sample);
    }

    ModelMetadata withHashes(String model, String header) {
        return new ModelMetadata(formatVersion, name, datasetName, datasetSha256, trainRowsSha256, target,
                featureSet, features, classes, settings, seed, split, data, evaluation, trainSeconds, appVersion,
                wekaVersion, javaVersion, os, arch, createdBy, createdAt, model, header, sample);
    }

    ModelMetadata withSample(DataSample drawn) {
        return new ModelMetadata(formatVersion, name, datasetName, datasetSha256, trainRowsSha256, target,
                featureSet, features, classes, settings, seed, split, data, evaluation, trainSeconds, appVersion,
                wekaVersion, javaVersion, os, arch, createdBy, createdAt, modelSha256, headerSha256, drawn);
    }
}
