package org.beatwise.model;

import static org.beatwise.testing.Actors.admin;
import static org.beatwise.testing.Actors.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatwise.domain.Incident;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.features.Query;
import org.beatwise.features.Target;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.SettingsStore;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model service on a real H2 file and a real models directory, with a small synthetic dataset. */
class ModelServiceTest {

    static final List<Incident> ROWS = TestIncidents.noiseTheftOther(3000, 7);
    static final TrainingSettings SMALL = TrainingSettings.defaults().withTrees(10).withMaxDepth(6).withMinLeaf(5)
            .withMinClassSize(20);
    static TrainedModel trainedOnce;

    @TempDir
    Path home;
    Database db;
    AuditStore audit;
    SettingsStore settings;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    AtomicInteger trainings = new AtomicInteger();

    @BeforeAll
    static void trainOnce() {
        trainedOnce = new RandomForestTrainer().train(new TrainingData("synthetic", ROWS, "alice"), SMALL, Progress.NONE);
    }

    @BeforeEach
    void open() {
        db = Database.open(home);
        audit = new AuditStore(db, clock);
        settings = new SettingsStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A service whose trainer hands back the model trained once, counting calls. */
    ModelService service() {
        return new ModelService(this::source, new ModelStore(home.resolve("models")), audit, settings, clock,
                (data, s, p) -> {
                    trainings.incrementAndGet();
                    return trainedOnce;
                });
    }

    List<Incident> source(String dataset) {
        if (!dataset.equals("synthetic")) {
            throw new IllegalArgumentException("no dataset named '" + dataset + "'");
        }
        return ROWS;
    }

    @Test
    void trainSavesUnderADefaultNameAuditsTheFiguresAndRemembersIt() {
        ModelService s = new ModelService(this::source, new ModelStore(home.resolve("models")), audit, settings, clock);
        TrainedModel m = s.train("alice", "synthetic", null, SMALL, Progress.NONE);
        assertEquals("synthetic-description-2026-03-01", m.name());
        assertTrue(Files.isRegularFile(home.resolve("models/synthetic-description-2026-03-01" + ModelBundle.EXTENSION)));
        assertEquals(Optional.of(m.name()), s.lastUsed());
        assertSame(m, s.current().orElseThrow());

        AuditEntry entry = audit.latest(1).get(0);
        assertEquals(AuditEvent.TRAINING, entry.event());
        assertEquals("alice", entry.username());
        String d = entry.detail();
        assertTrue(d.contains("dataset 'synthetic'") && d.contains("trees=10") && d.contains("depth=6")
                && d.contains("split=temporal") && d.contains("log_loss=") && d.contains("prior ")
                && d.contains("train_accuracy=") && d.contains(m.metadata().datasetSha256()), d);

        List<ModelSummary> list = s.list();
        assertEquals(1, list.size());
        ModelSummary summary = list.get(0);
        assertEquals(m.name(), summary.name());
        assertEquals("synthetic", summary.dataset());
        assertEquals(m.metadata().evaluation().model().scores().logLoss(), summary.logLoss());
        assertTrue(summary.bytes() > 0);
    }

    @Test
    void defaultNamesAreUniqueAndCleaned() {
        ModelService s = service();
        assertEquals("synthetic-description-2026-03-01", s.train("a", "synthetic", "", SMALL, Progress.NONE).name());
        assertEquals("synthetic-description-2026-03-01-2", s.train("a", "synthetic", null, SMALL, Progress.NONE).name());
        assertEquals("Mattapan-2015-2018-category-2026-03-01", s.defaultName("  Mattapan 2015–2018 ", Target.CATEGORY));
        assertEquals("model-group-2026-03-01", s.defaultName("«»", Target.GROUP));
        String longName = s.defaultName("x".repeat(200), Target.DESCRIPTION);
        assertTrue(longName.length() <= 64, longName);
    }

    @Test
    void anExistingNameIsRefusedBeforeTraining() {
        ModelService s = service();
        s.train("a", "synthetic", "mine", SMALL, Progress.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.train("a", "synthetic", "mine", SMALL, Progress.NONE));
        assertEquals("a model named 'mine' already exists; delete it or choose another name", e.getMessage());
        assertEquals(1, trainings.get(), "no second training was started");
        assertThrows(IllegalArgumentException.class, () -> s.train("a", "synthetic", "bad name!", SMALL, Progress.NONE));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> s.train("a", "nowhere", null, SMALL, Progress.NONE));
        assertEquals("no dataset named 'nowhere'", missing.getMessage());
    }

    @Test
    void cancelledTrainingSavesNothing() {
        ModelService s = new ModelService(this::source, new ModelStore(home.resolve("models")), audit, settings, clock);
        Progress cancelAfterTwoTrees = new Progress() {
            int updates;
            @Override public void update(long done, long total, String message) { updates++; }
            @Override public boolean isCancelled() { return updates > 3; }
        };
        assertThrows(CancelledException.class, () -> s.train("a", "synthetic", "x", SMALL, cancelAfterTwoTrees));
        assertTrue(s.list().isEmpty());
        assertTrue(s.lastUsed().isEmpty());
        assertTrue(audit.latest(10).stream().noneMatch(a -> a.event() == AuditEvent.TRAINING));
    }

    @Test
    void loadKeepsTheLastModelUntilItsFileChanges() {
        ModelService s = service();
        s.train("a", "synthetic", "one", SMALL, Progress.NONE);
        s.train("a", "synthetic", "two", SMALL, Progress.NONE);
        ModelService fresh = service();
        TrainedModel one = fresh.load("one");
        assertSame(one, fresh.load("one"));
        assertEquals(Optional.of("one"), fresh.lastUsed());
        TrainedModel two = fresh.load("two");
        assertEquals("two", two.name());
        assertEquals(Optional.of("two"), fresh.lastUsed());

        // same name, new file: read again
        fresh.delete(admin("a"), "two");
        s.train("a", "synthetic", "two", SMALL, Progress.NONE);
        assertTrue(fresh.load("two") != two);

        BundleException none = assertThrows(BundleException.class, () -> fresh.load("three"));
        assertEquals("there is no model named 'three'", none.getMessage());
    }

    @Test
    void predictAndReportComeFromTheSavedModel() {
        ModelService s = service();
        s.train("a", "synthetic", "m", SMALL, Progress.NONE);
        Prediction p = s.predict("m", new Query(23, 5, 7, 42.29, -71.08));
        assertEquals(1.0, p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        ModelReport r = s.report("m");
        Scores scores = trainedOnce.metadata().evaluation().model().scores();
        assertEquals(scores.accuracy(), r.accuracy());
        assertEquals(scores.logLoss(), r.logLoss());
        assertEquals(trainedOnce.metadata().evaluation().prior(), r.baselines().get("prior"));
        assertEquals("m", r.model());
    }

    @Test
    void deleteIsAuditedAndForgetsTheLastUsed() {
        ModelService s = service();
        s.train("a", "synthetic", "m", SMALL, Progress.NONE);
        assertTrue(s.delete(admin("bob"), "m"));
        assertFalse(s.delete(admin("bob"), "m"));
        assertTrue(s.lastUsed().isEmpty());
        assertTrue(s.current().isEmpty());
        AuditEntry e = audit.latest(1).get(0);
        assertEquals(AuditEvent.MODEL_DELETED, e.event());
        assertEquals("bob", e.username());
        assertEquals("deleted model 'm'", e.detail());
    }

    @Test
    void exportAndImportVerifyTheBundleAndNeverOverwrite() throws Exception {
        ModelService s = service();
        s.train("a", "synthetic", "m", SMALL, Progress.NONE);
        Path file = home.resolve("out/m.bwmodel");
        s.export("tester", "m", file);
        assertTrue(Files.size(file) > 0);
        AuditEntry exported = audit.latest(1).get(0);
        assertEquals(AuditEvent.MODEL_EXPORTED, exported.event());
        assertEquals("tester", exported.username());
        assertTrue(exported.detail().startsWith("exported model 'm' (dataset 'synthetic', target "), exported.detail());
        assertTrue(exported.detail().endsWith(" to " + file.toAbsolutePath()), exported.detail());

        BundleException exists = assertThrows(BundleException.class, () -> s.importFile("bob", file));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        assertEquals("copy", s.importFile("bob", file, "copy"));
        AuditEntry e = audit.latest(1).get(0);
        assertEquals(AuditEvent.MODEL_IMPORTED, e.event());
        assertTrue(e.detail().startsWith("imported model 'copy' from m.bwmodel (dataset 'synthetic'"), e.detail());
        assertEquals(s.report("m").logLoss(), s.report("copy").logLoss());

        Path damaged = home.resolve("out/damaged.bwmodel");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(damaged, bytes);
        assertThrows(BundleException.class, () -> s.importFile("bob", damaged));
        assertEquals(List.of("copy", "m"), s.list().stream().map(ModelSummary::name).toList());
        assertThrows(IllegalArgumentException.class, () -> s.importFile("bob", home.resolve("out/none.bwmodel")));
    }

    @Test
    void loadLastUsedAtStartUpSkipsAModelThatCannotBeRead() throws Exception {
        ModelService s = service();
        s.train("a", "synthetic", "m", SMALL, Progress.NONE);
        assertEquals("m", service().loadLastUsed().orElseThrow().name());

        Path file = home.resolve("models/m" + ModelBundle.EXTENSION);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 200] ^= 0x5a;
        Files.write(file, bytes);
        assertTrue(service().loadLastUsed().isEmpty());
        assertTrue(s.list().get(0).problem() == null || !s.list().get(0).problem().isBlank());

        Files.delete(file);
        assertTrue(service().loadLastUsed().isEmpty());
        assertTrue(new ModelService(this::source, new ModelStore(home.resolve("none")), audit, new SettingsStore(db), clock)
                .list().isEmpty());
    }

    @Test
    void anAnalystDeletesTheirOwnModelButNotAnothersAndAdministratorsDeleteAny() {
        ModelService s = service(); // the models it trains were made by alice
        s.train("alice", "synthetic", "alices", SMALL, Progress.NONE);
        s.train("alice", "synthetic", "spare", SMALL, Progress.NONE);
        NotAllowedException e = assertThrows(NotAllowedException.class, () -> s.delete(analyst("bob"), "alices"));
        assertEquals("Only its creator (alice) or an administrator can delete model 'alices'.", e.getMessage());
        assertEquals("alices", s.load("alices").name(), "still there");
        AuditEntry refused = audit.latest(1).get(0);
        assertEquals(AuditEvent.REFUSED, refused.event());
        assertEquals("bob", refused.username());

        assertTrue(s.delete(analyst("alice"), "alices"));
        assertTrue(s.delete(admin("root"), "spare"));
        assertFalse(s.delete(analyst("bob"), "spare"), "nothing left to refuse");
    }
}
