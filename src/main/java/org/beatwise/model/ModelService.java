package org.beatwise.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.features.Query;
import org.beatwise.features.Target;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.settings.TrainingSampleSettings;
import org.beatwise.store.SettingsStore;
import org.beatwise.task.Progress;

/**
 * The crime-type model for the desktop and the command line: trains on a named dataset and saves the
 * bundle, lists, loads (keeping the last one loaded), deletes, exports and imports models, and records
 * each training, deletion and import in the audit log. It remembers the last model used so the app can
 * load it in the background at start-up.
 */
public final class ModelService {

    /** Settings key holding the name of the last model trained or loaded. */
    public static final String LAST_USED_KEY = "model.last_used";

    private static final Logger LOG = Logger.getLogger(ModelService.class.getName());

    private final IncidentSource incidents;
    private final ModelStore store;
    private final AuditStore audit;
    private final SettingsStore settings;
    private final Clock clock;
    private final Trainer trainer;

    private final Object lock = new Object();
    private Cached cached;
    // The name this service last found or wrote as the last used, and when (System.nanoTime): a prediction
    // with the same model within REMEMBERED_TTL does not read the setting again (the API predicts many
    // times a second; another program that changes it is noticed after that time).
    private volatile String rememberedName;
    private volatile long rememberedAtNanos;
    static final long REMEMBERED_TTL_NANOS = 2_000_000_000L;

    /** The last model loaded, with what its file looked like then, so a replaced file is read again. */
    private record Cached(String name, FileTime modified, long bytes, TrainedModel model) { }

    public ModelService(IncidentSource incidents, ModelStore store, AuditStore audit, SettingsStore settings, Clock clock,
                        Trainer trainer) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    public ModelService(IncidentSource incidents, ModelStore store, AuditStore audit, SettingsStore settings, Clock clock) {
        this(incidents, store, audit, settings, clock, new RandomForestTrainer());
    }

    /**
     * Trains on a named dataset, saves the model and records the training in the audit log.
     *
     * @param name the model's name, or null/blank for {@link #defaultName(String, Target)}; an existing
     *             model is never replaced
     * @return the model as saved (its metadata carries the name and hashes)
     * @throws org.beatwise.task.CancelledException when cancelled; nothing is saved
     */
    public TrainedModel train(String actor, String dataset, String name, TrainingSettings trainingSettings, Progress progress) {
        Objects.requireNonNull(trainingSettings, "settings");
        String chosen = name == null || name.isBlank() ? null : ModelStore.checkName(name.strip());
        if (chosen != null) {
            refuseExisting(chosen); // before minutes of training, not after
        }
        // streamed and sampled: a dataset larger than the station's limit is never read whole into the heap
        TrainingSample.Drawn drawn = sample().draw(sink -> incidents.forEach(dataset, sink));
        List<Incident> rows = drawn.rows();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + dataset + "' has no incidents to train on");
        }
        TrainedModel fitted = trainer.train(new TrainingData(dataset, rows, actor), trainingSettings, progress);
        TrainedModel trained = fitted.withMetadata(fitted.metadata().withSample(drawn.sample()));
        progress.checkCancelled();
        TrainedModel saved;
        synchronized (lock) {
            String finalName = chosen != null ? chosen : defaultName(dataset, trainingSettings.target());
            if (chosen != null) {
                refuseExisting(chosen);
            }
            saved = store.save(trained, finalName);
            remember(finalName, saved);
        }
        audit.record(actor, AuditEvent.TRAINING, trainingSummary(saved.metadata()));
        return saved;
    }

    /** The station's training sample ({@code training.sample_rows}, seed 42), read at each training. */
    public TrainingSample sample() {
        return TrainingSample.of(TrainingSampleSettings.of(settings.withPrefix(TrainingSampleSettings.PREFIX)));
    }

    /** Every saved model with its headline figures; damaged bundles are listed with their problem. */
    public List<ModelSummary> list() {
        return store.list().stream().map(ModelSummary::of).toList();
    }

    /**
     * Loads and verifies a saved model and remembers it as the last used. The last model loaded is
     * kept, so asking for it again costs nothing unless its file has changed.
     */
    public TrainedModel load(String name) {
        ModelStore.checkName(name);
        Path file = store.fileOf(name);
        synchronized (lock) {
            Cached c = cached;
            if (c != null && c.name().equals(name) && unchanged(c, file)) {
                rememberName(name);
                return c.model();
            }
        }
        FileTime modified = modified(file);
        long bytes = size(file);
        TrainedModel model = store.load(name);
        synchronized (lock) {
            cached = new Cached(name, modified, bytes, model);
            rememberName(name);
        }
        return model;
    }

    /** Whether a model of this name is saved (the name is checked first: a bad one throws). */
    public boolean exists(String name) {
        return store.exists(ModelStore.checkName(name));
    }

    /** The model's test figures as the pane and the {@code evaluate} command show them. */
    public ModelReport report(String name) {
        return ModelReport.of(load(name).metadata());
    }

    /** Classes ranked by probability for one place and time, from a saved model. */
    public Prediction predict(String name, Query query) {
        return load(name).predictor().predict(query);
    }

    /**
     * Deletes a saved model and records it in the audit log.
     *
     * @return false when there was no model of that name
     * @throws NotAllowedException unless the actor trained the model or is an administrator (a model
     *                             whose bundle cannot be read has no known creator: administrators only)
     */
    public boolean delete(Actor actor, String name) {
        ModelStore.checkName(name);
        if (!actor.isAdmin()) {
            Optional<ModelStore.Entry> entry = store.list().stream().filter(e -> e.name().equals(name)).findFirst();
            String creator = entry.map(ModelStore.Entry::metadata).map(ModelMetadata::createdBy).orElse(null);
            if (entry.isPresent() && !actor.mayChangeWorkOf(creator)) {
                NotAllowedException refused = NotAllowedException.creatorOrAdmin("delete model '" + name + "'",
                        creator == null ? "unknown" : creator);
                audit.record(actor.name(), AuditEvent.REFUSED, refused.getMessage());
                throw refused;
            }
        }
        boolean deleted;
        synchronized (lock) {
            deleted = store.delete(name);
            if (cached != null && cached.name().equals(name)) {
                cached = null;
            }
            if (deleted && lastUsed().filter(name::equals).isPresent()) {
                settings.put(LAST_USED_KEY, "");
            }
            rememberedName = null;
        }
        if (deleted) {
            audit.record(actor.name(), AuditEvent.MODEL_DELETED, "deleted model '" + name + "'");
        }
        return deleted;
    }

    /** Copies a saved model, verified intact, to one file for another station, and audits who sent it where. */
    public void export(String actor, String name, Path file) {
        store.export(name, file);
        String detail;
        try {
            ModelMetadata m = ModelBundle.readMetadata(file);
            detail = String.format(Locale.ROOT, "exported model '%s' (dataset '%s', target %s, model sha256 %s) to %s", name,
                    m.datasetName(), m.target(), m.modelSha256(), file.toAbsolutePath());
        } catch (BundleException e) {
            detail = "exported model '" + name + "' to " + file.toAbsolutePath();
        }
        audit.record(actor, AuditEvent.MODEL_EXPORTED, detail);
    }

    /** Imports a bundle file under the name recorded in it; see {@link #importFile(String, Path, String)}. */
    public String importFile(String actor, Path file) {
        return importFile(actor, file, null);
    }

    /**
     * Imports a bundle file after full verification (hashes, allow-listed deserialisation) and records
     * it in the audit log. An existing model is never replaced.
     *
     * @param asName the name to save it under, or null for the name recorded in the bundle
     * @return the name it was saved under
     */
    public String importFile(String actor, Path file, String asName) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String name = store.importFile(file, asName == null || asName.isBlank() ? null : asName.strip());
        String detail;
        try {
            ModelMetadata m = ModelBundle.readMetadata(store.fileOf(name));
            detail = String.format(Locale.ROOT, "imported model '%s' from %s (dataset '%s', target %s, trained by %s at %s, "
                    + "model sha256 %s)", name, file.getFileName(), m.datasetName(), m.target(), m.createdBy(),
                    m.createdAt(), m.modelSha256());
        } catch (BundleException e) {
            detail = "imported model '" + name + "' from " + file.getFileName();
        }
        audit.record(actor, AuditEvent.MODEL_IMPORTED, detail);
        return name;
    }

    /** The name of the last model trained or loaded, if any. */
    public Optional<String> lastUsed() {
        return settings.get(LAST_USED_KEY).filter(s -> !s.isBlank());
    }

    /** The model loaded last in this session, if any, without touching the disk. */
    public Optional<TrainedModel> current() {
        synchronized (lock) {
            return Optional.ofNullable(cached).map(Cached::model);
        }
    }

    /**
     * Loads the last used model, for the app to call in the background at start-up. A model that has
     * gone or cannot be read is logged and skipped: start-up never fails because of it.
     */
    public Optional<TrainedModel> loadLastUsed() {
        Optional<String> name = lastUsed();
        if (name.isEmpty() || !store.exists(name.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(name.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not load the last used model '" + name.get() + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The rows of a dataset exactly as training sees them (for the bench). */
    public List<Incident> incidents(String dataset) {
        return incidents.incidents(dataset);
    }

    /**
     * A free name for a model of this dataset and target trained today: {@code dataset-target-date},
     * then {@code -2}, {@code -3} … if taken. Characters a model name may not hold become '-'.
     */
    public String defaultName(String dataset, Target target) {
        String base = clean(dataset) + "-" + target.key() + "-" + LocalDate.now(clock);
        String name = base;
        for (int n = 2; store.exists(name); n++) {
            name = base + "-" + n;
        }
        return ModelStore.checkName(name);
    }

    private static String clean(String dataset) {
        String s = dataset == null ? "" : dataset.strip().replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("-{2,}", "-").replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[-.]+$", "");
        if (s.isEmpty()) {
            s = "model";
        }
        // room for "-description-2026-01-01-99" within the 64-character limit
        return s.length() > 30 ? s.substring(0, 30).replaceAll("[-.]+$", "") : s;
    }

    private void refuseExisting(String name) {
        if (store.exists(name)) {
            throw new IllegalArgumentException("a model named '" + name + "' already exists; delete it or choose another name");
        }
    }

    private void remember(String name, TrainedModel model) {
        Path file = store.fileOf(name);
        cached = new Cached(name, modified(file), size(file), model);
        rememberName(name);
    }

    private void rememberName(String name) {
        long now = System.nanoTime();
        if (name.equals(rememberedName) && now - rememberedAtNanos < REMEMBERED_TTL_NANOS) {
            return;
        }
        if (!lastUsed().filter(name::equals).isPresent()) {
            settings.put(LAST_USED_KEY, name);
        }
        rememberedName = name;
        rememberedAtNanos = now;
    }

    private static boolean unchanged(Cached c, Path file) {
        return Objects.equals(c.modified(), modified(file)) && c.bytes() == size(file);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String trainingSummary(ModelMetadata m) {
        Evaluation e = m.evaluation();
        Scores s = e.model().scores();
        String settingsText = m.settings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(x -> x.getKey().substring(TrainingSettings.PREFIX.length()) + "=" + x.getValue())
                .collect(Collectors.joining(" "));
        DataSummary d = m.data();
        return String.format(Locale.ROOT, "trained model '%s' on dataset '%s' (%d rows, sha256 %s): %s; "
                        + "%d classes (%d removed), n_train=%d n_test=%d; test accuracy=%.4f top3=%.4f log_loss=%.4f "
                        + "(prior %.4f, forest alone %.4f) train_accuracy=%.4f blend_weight=%.4f train_s=%.1f",
                m.name(), m.datasetName(), d == null ? 0 : d.rows(), m.datasetSha256(), settingsText, m.classes().size(),
                d == null ? 0 : d.classesRemoved(), e.nTrain(), e.nTest(), s.accuracy(), s.top3Accuracy(), s.logLoss(),
                e.prior().logLoss(), e.forestOnly().logLoss(), e.trainAccuracy(), e.blendWeight(), m.trainSeconds());
    }
}
