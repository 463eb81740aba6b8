package org.beatwise.ui.train;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.model.ExplanationService;
import org.beatwise.model.FeatureImportance;
import org.beatwise.model.GroupEvaluation;
import org.beatwise.model.Grouping;
import org.beatwise.model.PermutationImportance;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * The "Importance & groups" tab of Train &amp; Evaluate: permutation importance of each feature and the
 * figures per group of test rows beside that group's baselines, computed on demand for the model on
 * screen (they read the model's dataset again to find its test rows).
 */
public final class ExplainModelViewModel {

    /** How the tab asks for the figures: {@link ExplanationService#explainModel} in the app. */
    @FunctionalInterface
    public interface Source {
        ExplanationService.Explained explain(String model, Grouping by, int seed, int repeats);
    }

    /** One feature's line: figures as text, ready for the table. */
    public record ImportanceRow(String feature, String logLossIncrease, String top3Drop, String accuracyDrop) { }

    /** One group's line: each figure beside majority / prior on the same rows. */
    public record GroupRow(String group, int rows, String accuracy, String top3, String logLoss, String notes) { }

    private final Source source;
    private final TaskTracker work;
    private final ObjectProperty<String> model = new SimpleObjectProperty<>();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.DISTRICT);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<ImportanceRow> importance = FXCollections.observableArrayList();
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private long asked;

    public ExplainModelViewModel(Source source, TaskRunner tasks) {
        this.source = Objects.requireNonNull(source);
        this.work = new TaskTracker(tasks);
        // figures of another model must never stay beside this one's
        model.addListener((o, a, b) -> clear());
        grouping.addListener((o, a, b) -> groups.clear());
    }

    public static Source of(ExplanationService explanations) {
        return explanations::explainModel;
    }

    private void clear() {
        importance.clear();
        groups.clear();
        summary.set("");
        error.set("");
    }

    /** Computes both tables for the model on screen, in the background. */
    public void compute() {
        String name = model.get();
        Grouping by = grouping.get();
        if (name == null) {
            error.set("Load or train a model first.");
            return;
        }
        long mine = ++asked;
        error.set("");
        work.start(BackgroundTask.of("Explaining model " + name, p -> source.explain(name, by,
                PermutationImportance.DEFAULT_SEED, PermutationImportance.DEFAULT_REPEATS))
                .onSuccess(e -> {
                    if (mine == asked && name.equals(model.get())) {
                        show(e);
                    }
                })
                .onFailure(e -> {
                    if (mine == asked) {
                        error.set("Cannot compute for model '" + name + "': " + e.getMessage());
                    }
                }));
    }

    private void show(ExplanationService.Explained e) {
        FeatureImportance f = e.importance();
        importance.setAll(f.features().stream().map(x -> new ImportanceRow(x.feature(), fmt(x.logLossIncrease()),
                fmt(x.top3Drop()), fmt(x.accuracyDrop()))).toList());
        GroupEvaluation g = e.groups();
        groups.setAll(g == null ? List.of() : g.groups().stream().map(x -> new GroupRow(x.group(), x.n(),
                beside(x.accuracy(), x.majority().accuracy(), x.prior().accuracy()),
                beside(x.top3Accuracy(), x.majority().top3Accuracy(), x.prior().top3Accuracy()),
                beside(x.logLoss(), x.majority().logLoss(), x.prior().logLoss()),
                String.join("; ", x.notes()))).toList());
        summary.set(String.format(Locale.ROOT, "Permutation importance on %d test rows (seed %d, %d shuffles per feature; "
                        + "log loss %.3f, top-3 %.3f unshuffled). %s", f.rows(), f.seed(), f.repeats(), f.logLoss(),
                f.top3Accuracy(), f.note()));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String beside(double model, double majority, double prior) {
        return String.format(Locale.ROOT, "%.3f (%.3f / %.3f)", model, majority, prior);
    }

    /** The model whose figures the tab shows; the pane sets it from the report on screen. */
    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<ImportanceRow> importance() {
        return importance;
    }

    public ObservableList<GroupRow> groups() {
        return groups;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return work.runningProperty();
    }
}
