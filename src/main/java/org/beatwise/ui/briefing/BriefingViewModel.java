package org.beatwise.ui.briefing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import org.beatwise.domain.Actor;
import org.beatwise.export.BriefingDocument;
import org.beatwise.export.BriefingRequest;
import org.beatwise.export.ExportService;
import org.beatwise.export.Exported;
import org.beatwise.hotspot.HotspotSetSummary;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * The Briefing dialog's state: which saved set (and its dataset), which model if any, the station's
 * name; a preview of page 1 made in the background; and saving exactly what was previewed.
 */
public final class BriefingViewModel {

    /** The choice for "no model page". */
    public static final String NO_MODEL = "(no model)";

    private final ExportService exports;
    private final Supplier<List<HotspotSetSummary>> sets;
    private final Supplier<List<String>> models;
    private final Session session;
    private final TaskTracker work;

    private final ObservableList<HotspotSetSummary> setChoices = FXCollections.observableArrayList();
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList();
    private final ObjectProperty<HotspotSetSummary> set = new SimpleObjectProperty<>();
    private final StringProperty model = new SimpleStringProperty(NO_MODEL);
    private final StringProperty station = new SimpleStringProperty(BriefingRequest.DEFAULT_STATION);
    private final ReadOnlyObjectWrapper<byte[]> previewPng = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BriefingDocument> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canPreview;
    private final BooleanBinding canSave;

    public BriefingViewModel(ExportService exports, Supplier<List<HotspotSetSummary>> sets, Supplier<List<String>> models,
                             Session session, TaskRunner tasks) {
        this.exports = Objects.requireNonNull(exports);
        this.sets = Objects.requireNonNull(sets);
        this.models = Objects.requireNonNull(models);
        this.session = Objects.requireNonNull(session);
        this.work = new TaskTracker(tasks);
        canPreview = Bindings.createBooleanBinding(() -> set.get() != null && !work.isRunning(), set, work.runningProperty());
        canSave = Bindings.createBooleanBinding(() -> document.get() != null && !work.isRunning(), document,
                work.runningProperty());
        // a changed choice makes the preview stale: never save a document that differs from the form
        set.addListener((o, a, b) -> forget());
        model.addListener((o, a, b) -> forget());
        station.addListener((o, a, b) -> forget());
    }

    /** Reads the saved sets and models; picks {@code preferredSet} when it is among them. */
    public void refresh(String preferredSet) {
        setChoices.setAll(sets.get());
        modelChoices.setAll(NO_MODEL);
        modelChoices.addAll(models.get());
        set.set(setChoices.stream().filter(s -> s.name().equals(preferredSet)).findFirst()
                .orElse(setChoices.isEmpty() ? null : setChoices.get(0)));
        message.set(setChoices.isEmpty() ? "Save a hotspot set first: a briefing is about a saved set." : "");
    }

    public void preview() {
        HotspotSetSummary s = set.get();
        if (s == null) {
            return;
        }
        BriefingRequest request;
        try {
            request = new BriefingRequest(s.dataset(), s.name(), NO_MODEL.equals(model.get()) ? null : model.get(),
                    station.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Actor actor = actor();
        message.set("");
        work.start(BackgroundTask.of("Laying out the briefing", p -> {
            BriefingDocument doc = exports.prepareBriefing(actor, request);
            return new Prepared(doc, exports.previewPng(doc, 72));
        }).onSuccess(r -> {
            document.set(r.doc());
            previewPng.set(r.png());
            message.set(r.doc().pages() + (r.doc().pages() == 1 ? " page" : " pages")
                    + (r.doc().synthetic() ? ", marked SYNTHETIC" : "") + ". Page 1 shown.");
        }).onFailure(e -> message.set(e.getMessage())));
    }

    private record Prepared(BriefingDocument doc, byte[] png) { }

    /** Saves the previewed document; the save dialog has asked before replacing a file. */
    public void save(Path file) {
        BriefingDocument doc = document.get();
        if (doc == null || file == null) {
            return;
        }
        Actor actor = actor();
        work.start(BackgroundTask.of("Saving the briefing", p -> exports.save(actor, doc, file, true))
                .onSuccess((Exported e) -> message.set("Saved the briefing to " + e.file()))
                .onFailure(e -> message.set(e.getMessage())));
    }

    private void forget() {
        document.set(null);
        previewPng.set(null);
    }

    private Actor actor() {
        return new Actor(session.username(), session.role());
    }

    public ObservableList<HotspotSetSummary> setChoices() { return setChoices; }
    public ObservableList<String> modelChoices() { return modelChoices; }
    public ObjectProperty<HotspotSetSummary> setProperty() { return set; }
    public StringProperty modelProperty() { return model; }
    public StringProperty stationProperty() { return station; }
    public ReadOnlyObjectProperty<byte[]> previewPngProperty() { return previewPng.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BriefingDocument> documentProperty() { return document.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return work.runningProperty(); }
    public BooleanBinding canPreviewProperty() { return canPreview; }
    public BooleanBinding canSaveProperty() { return canSave; }
}
