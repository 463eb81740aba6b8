package org.beatwise.ui.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.features.FeatureSet;
import org.beatwise.features.Target;
import org.beatwise.model.CalibrationBin;
import org.beatwise.model.ClassMetrics;
import org.beatwise.model.ModelReport;
import org.beatwise.model.ModelService;
import org.beatwise.model.ModelSummary;
import org.beatwise.model.Split;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingSettings;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * The Train &amp; Evaluate pane: dataset, target, feature set, split, preset and forest settings with
 * validation; train with progress and cancel; the test figures of the trained or loaded model beside
 * the baselines, per class, as a confusion heat map and as a reliability diagram; and the saved models
 * (load, delete, export, import). Every figure comes from {@link ModelService#report}'s {@link ModelReport},
 * the same one the {@code evaluate} command prints.
 */
public final class TrainViewModel {

    public static final List<String> PRESETS = List.of("default", "paper");
    static final String NO_DATASETS = "No datasets yet: import incidents on the Data pane, then train here.";

    private final ModelService models;
    private final Supplier<List<String>> datasetNames;
    private final Session session;

    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final StringProperty dataset = new SimpleStringProperty();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.DESCRIPTION);
    private final ObjectProperty<FeatureSet> featureSet = new SimpleObjectProperty<>(FeatureSet.DEFAULT);
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.TEMPORAL);
    private final StringProperty preset = new SimpleStringProperty("default");
    private final StringProperty trees = new SimpleStringProperty();
    private final StringProperty depth = new SimpleStringProperty();
    private final StringProperty minLeaf = new SimpleStringProperty();
    private final StringProperty featuresPerSplit = new SimpleStringProperty();
    private final StringProperty minClassSize = new SimpleStringProperty();
    private final StringProperty seed = new SimpleStringProperty();
    private final StringProperty modelName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");

    private final TaskTracker work;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<ModelReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ModelReport.Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<ClassMetrics> perClass = FXCollections.observableArrayList();
    private final ObservableList<CalibrationBin> calibration = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConfusionGrid> confusion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("No model yet: train one, or load a saved model.");

    private final ObservableList<ModelSummary> savedModels = FXCollections.observableArrayList();
    private final ObjectProperty<ModelSummary> selectedModel = new SimpleObjectProperty<>();

    private final BooleanBinding canTrain;
    private final BooleanBinding canUseSelected;

    public TrainViewModel(ModelService models, Supplier<List<String>> datasetNames, Session session, TaskRunner tasks) {
        this.models = Objects.requireNonNull(models);
        this.datasetNames = Objects.requireNonNull(datasetNames);
        this.session = Objects.requireNonNull(session);
        this.work = new TaskTracker(tasks);
        applyPreset("default");
        preset.addListener((o, a, p) -> {
            if (p != null) {
                applyPreset(p);
            }
        });
        Observable[] inputs = {target, featureSet, split, trees, depth, minLeaf, featuresPerSplit, minClassSize, seed};
        for (Observable input : inputs) {
            input.addListener(o -> validate());
        }
        validate();
        canTrain = Bindings.createBooleanBinding(() -> !work.isRunning() && dataset.get() != null && !dataset.get().isBlank()
                && settingsError.get().isEmpty(), work.runningProperty(), dataset, settingsError);
        canUseSelected = Bindings.createBooleanBinding(() -> !work.isRunning() && selectedModel.get() != null,
                work.runningProperty(), selectedModel);
        refreshDatasets();
        refreshModels();
        models.current().ifPresent(m -> {
            try {
                show(ModelReport.of(m.metadata()));
            } catch (RuntimeException e) {
                message.set(e.getMessage());
            }
        });
    }

    public void refreshDatasets() {
        datasets.setAll(datasetNames.get());
        if ((dataset.get() == null || !datasets.contains(dataset.get())) && !datasets.isEmpty()) {
            dataset.set(datasets.get(0));
        }
        if (datasets.isEmpty()) {
            message.set(NO_DATASETS);
        } else if (NO_DATASETS.equals(message.get())) {
            message.set("");
        }
    }

    public void refreshModels() {
        String selected = selectedModel.get() == null ? null : selectedModel.get().name();
        savedModels.setAll(models.list());
        selectedModel.set(savedModels.stream().filter(m -> m.name().equals(selected)).findFirst().orElse(null));
    }

    /** Fills the forest settings from a preset; target, features and split stay as chosen. */
    private void applyPreset(String name) {
        TrainingSettings p;
        try {
            p = TrainingSettings.preset(name);
        } catch (IllegalArgumentException e) {
            return;
        }
        trees.set(Integer.toString(p.trees()));
        depth.set(Integer.toString(p.maxDepth()));
        minLeaf.set(Integer.toString(p.minLeaf()));
        featuresPerSplit.set(Integer.toString(p.featuresPerSplit()));
        minClassSize.set(Integer.toString(p.minClassSize()));
        seed.set(Integer.toString(p.seed()));
    }

    /** The settings the form describes; throws IllegalArgumentException naming the field that is wrong. */
    public TrainingSettings settings() {
        int t = whole("trees", trees.get());
        int d = whole("maxDepth", depth.get());
        int f = whole("featuresPerSplit", featuresPerSplit.get());
        int leaf = whole("minLeaf", minLeaf.get());
        int mcs = whole("minClassSize", minClassSize.get());
        int s = whole("seed", seed.get());
        try {
            // The form holds every setting, so the base only contributes executionSlots (0 = all cores).
            return TrainingSettings.defaults().withTarget(target.get()).withFeatureSet(featureSet.get())
                    .withSplit(split.get()).withTrees(t).withMaxDepth(d).withFeaturesPerSplit(f).withMinLeaf(leaf)
                    .withMinClassSize(mcs).withSeed(s).withExecutionSlots(0);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(label(e.getMessage()), e);
        }
    }

    static String label(String message) {
        if (message == null) {
            return "Invalid settings";
        }
        String labelled = TrainingSettings.LABELS.withLabels(message);
        return Character.toUpperCase(labelled.charAt(0)) + labelled.substring(1);
    }

    private void validate() {
        try {
            settings();
            settingsError.set("");
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
        }
    }

    /** Trains in the background, saves under the typed name (or a default one) and shows the figures. */
    public void train() {
        if (!canTrain.get()) {
            return;
        }
        TrainingSettings s = settings();
        String data = dataset.get();
        String name = modelName.get();
        start(BackgroundTask.of("Training the model",
                        p -> models.train(session.username(), data, name, s, p))
                .onSuccess(m -> {
                    showModel(m);
                    refreshModels();
                    selectedModel.set(savedModels.stream().filter(x -> x.name().equals(m.name())).findFirst().orElse(null));
                    modelName.set("");
                    message.set(String.format(Locale.ROOT, "Saved as model '%s', trained in %.1f s.", m.name(),
                            m.metadata().trainSeconds()));
                })
                .onCancelled(() -> message.set("Training cancelled; nothing was saved.")));
    }

    public void cancel() {
        work.cancel();
    }

    /** Loads the selected saved model in the background and shows its figures. */
    public void loadSelected() {
        ModelSummary m = selectedModel.get();
        if (m == null || work.isRunning()) {
            return;
        }
        start(BackgroundTask.of("Loading model '" + m.name() + "'", p -> {
            TrainedModel model = models.load(m.name());
            model.metadata(); // bind the JSON here, not on the UI thread
            return model;
        }).onSuccess(model -> {
            showModel(model);
            message.set("Loaded model '" + m.name() + "'.");
        }));
    }

    /** Deletes the selected saved model in the background (the view asks for confirmation first). */
    public void deleteSelected() {
        ModelSummary m = selectedModel.get();
        if (m == null || work.isRunning()) {
            return;
        }
        start(BackgroundTask.of("Deleting model '" + m.name() + "'", p -> models.delete(session.actor(), m.name()))
                .onSuccess(deleted -> {
                    message.set(deleted ? "Deleted model '" + m.name() + "'." : "Model '" + m.name() + "' was already gone.");
                    if (report.get() != null && m.name().equals(report.get().model())) {
                        clearResults();
                    }
                    refreshModels();
                }));
    }

    /** Writes the selected model's bundle to a file, in the background (a forest can be tens of megabytes). */
    public void exportSelected(Path file) {
        ModelSummary m = selectedModel.get();
        if (m == null || file == null || work.isRunning()) {
            return;
        }
        start(BackgroundTask.of("Exporting model '" + m.name() + "'", p -> {
            models.export(session.username(), m.name(), file);
            return file;
        }).onSuccess(f -> message.set("Exported model '" + m.name() + "' to " + f + ".")));
    }

    /** Imports a bundle file in the background and selects the imported model. */
    public void importFile(Path file) {
        if (file == null || work.isRunning()) {
            return;
        }
        start(BackgroundTask.of("Importing " + file.getFileName(), p -> models.importFile(session.username(), file))
                .onSuccess(name -> {
                    refreshModels();
                    selectedModel.set(savedModels.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null));
                    message.set("Imported model '" + name + "'.");
                }));
    }

    private void showModel(TrainedModel m) {
        show(ModelReport.of(m.metadata()));
    }

    private void show(ModelReport r) {
        report.set(r);
        headline.set(String.join("\n", r.headline()));
        figures.setAll(r.figures());
        perClass.setAll(r.perClass());
        calibration.setAll(r.calibration().stream().filter(b -> b.count() > 0).toList());
        notes.setAll(r.notes());
        confusion.set(ConfusionGrid.of(r.classes(), r.confusion(), ConfusionGrid.TOP));
    }

    private void clearResults() {
        report.set(null);
        headline.set("No model shown.");
        figures.clear();
        perClass.clear();
        calibration.clear();
        notes.clear();
        confusion.set(null);
    }

    private <T> void start(BackgroundTask<T> task) {
        message.set("");
        work.start(task.onFailure(e -> message.set(e.getMessage() == null ? e.toString() : e.getMessage())));
    }

    private static int whole(String field, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TrainingSettings.LABELS.label(field) + " must be a whole number, was '" + (text == null ? "" : text) + "'");
        }
    }

    /** A figure formatted exactly as the command line prints it. */
    public static String format(Double x) {
        return ModelReport.format(x);
    }

    public ObservableList<String> datasets() { return datasets; }
    public StringProperty datasetProperty() { return dataset; }
    public ObjectProperty<Target> targetProperty() { return target; }
    public ObjectProperty<FeatureSet> featureSetProperty() { return featureSet; }
    public ObjectProperty<Split> splitProperty() { return split; }
    public StringProperty presetProperty() { return preset; }
    public StringProperty treesProperty() { return trees; }
    public StringProperty depthProperty() { return depth; }
    public StringProperty minLeafProperty() { return minLeaf; }
    public StringProperty featuresPerSplitProperty() { return featuresPerSplit; }
    public StringProperty minClassSizeProperty() { return minClassSize; }
    public StringProperty seedProperty() { return seed; }
    public StringProperty modelNameProperty() { return modelName; }
    public ReadOnlyStringProperty settingsErrorProperty() { return settingsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return work.runningProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return work.progressProperty(); }
    public ReadOnlyStringProperty progressMessageProperty() { return work.messageProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ModelReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ObservableList<ModelReport.Figure> figures() { return figures; }
    public ObservableList<ClassMetrics> perClass() { return perClass; }
    public ObservableList<CalibrationBin> calibration() { return calibration; }
    public ObservableList<String> notes() { return notes; }
    public ReadOnlyObjectProperty<ConfusionGrid> confusionProperty() { return confusion.getReadOnlyProperty(); }
    public ObservableList<ModelSummary> savedModels() { return savedModels; }
    public ObjectProperty<ModelSummary> selectedModelProperty() { return selectedModel; }
    public BooleanBinding canTrainProperty() { return canTrain; }
    public BooleanBinding canUseSelectedProperty() { return canUseSelected; }
}
