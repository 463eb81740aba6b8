package org.beatwise.cli;

import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.beatwise.model.ModelReport;
import org.beatwise.model.ModelSummary;
import org.beatwise.model.Split;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains the crime-type model on a stored dataset, saves it and prints its test figures beside the baselines. */
@Command(name = "train", description = {"Train the crime-type model on a dataset and save it under <home>/models.",
        "Every setting starts from the preset; the options given replace single settings."})
final class TrainCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The stored dataset to train on.")
    String dataset;
    @Option(names = "--preset", defaultValue = "default", paramLabel = "default|paper",
            description = "default: 50 trees, depth 8, at least 40 rows per leaf (chosen by validation); "
                    + "paper: the paper's forest, 50 trees, depth 15, leaves of 1. Default: ${DEFAULT-VALUE}.")
    String preset;
    @Option(names = "--target", paramLabel = "description|group|category",
            description = "What to predict (default: description, the paper's choice).")
    String target;
    @Option(names = "--features", paramLabel = "default|paper",
            description = "default: hour, day of week, month, lat, lon; paper: the same without longitude.")
    String features;
    @Option(names = "--trees", paramLabel = "N", description = "Trees in the forest, 1–1000.")
    Integer trees;
    @Option(names = "--depth", paramLabel = "N", description = "Deepest a tree may grow; 0 = no limit.")
    Integer depth;
    @Option(names = "--min-leaf", paramLabel = "N", description = "Fewest training rows a leaf may hold, >= 1.")
    Integer minLeaf;
    @Option(names = "--min-class-size", paramLabel = "N",
            description = "Classes with fewer training rows are left out (default 100).")
    Integer minClassSize;
    @Option(names = "--features-per-split", paramLabel = "N", description = "Features tried at each split; 0 = square-root rule.")
    Integer featuresPerSplit;
    @Option(names = "--split", paramLabel = "temporal|stratified",
            description = "temporal: test on the last 20%% of the time span (default); stratified: random 80:20 per class.")
    String split;
    @Option(names = "--seed", paramLabel = "N", description = "Seed for the split, bootstrap samples and feature choices (default 42).")
    Integer seed;
    @Option(names = "--name", paramLabel = "MODEL",
            description = "Name to save the model under (default: dataset-target-date). An existing model is never replaced.")
    String name;

    TrainCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The settings the options describe; a bad value is refused with a message naming its option. */
    TrainingSettings settings() {
        return OptionNames.check(TrainingSettings.LABELS, () -> {
            TrainingSettings base = TrainingSettings.preset(preset);
            // Names are parsed before the withers check any number, as the constructor call did, so with several
            // bad options the same one is reported.
            Target t = target == null ? base.target() : Target.parse(target);
            FeatureSet f = features == null ? base.featureSet() : FeatureSet.parse(features);
            Split s = split == null ? base.split() : Split.parse(split);
            return base.withTarget(t).withFeatureSet(f).withSplit(s)
                    .withTrees(trees == null ? base.trees() : trees)
                    .withMaxDepth(depth == null ? base.maxDepth() : depth)
                    .withFeaturesPerSplit(featuresPerSplit == null ? base.featuresPerSplit() : featuresPerSplit)
                    .withMinLeaf(minLeaf == null ? base.minLeaf() : minLeaf)
                    .withMinClassSize(minClassSize == null ? base.minClassSize() : minClassSize)
                    .withSeed(seed == null ? base.seed() : seed);
        });
    }

    @Override
    public void run() {
        TrainingSettings settings = settings();
        var models = ctx.services().models();
        TrainedModel model = models.train(ctx.actor(), dataset, name, settings, ctx.progress());
        ModelReport report = ModelReport.of(model.metadata());
        long bytes = models.list().stream().filter(m -> m.name().equals(model.name())).mapToLong(ModelSummary::bytes)
                .findFirst().orElse(0);
        String text = String.format("Saved as model '%s' (%s), trained in %.1f s.%n%n", model.name(),
                ModelText.megabytes(bytes), report.trainSeconds()) + ModelText.report(report);
        ctx.print(options.json, report, text);
    }
}
