package org.beatwise.hotspot;

import static org.beatwise.testing.Actors.admin;
import static org.beatwise.testing.Actors.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentSource;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.task.Progress;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotspotServiceTest {

    @TempDir
    Path home;
    private Database db;
    private AuditStore audit;
    private HotspotService service;

    @BeforeEach
    void open() {
        db = Database.open(home);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        audit = new AuditStore(db, clock);
        List<Incident> demo = TestIncidents.fourCentres(2000, 3);
        IncidentSource source = name -> {
            if (!name.equals("demo")) {
                throw new IllegalArgumentException("no dataset named '" + name + "'");
            }
            return demo;
        };
        service = new HotspotService(source, new HotspotSetStore(db), audit, clock, new HotspotFinder(2));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private HotspotSettings four() {
        return HotspotSettings.defaults().withK(4);
    }

    @Test
    void aRunIsAudited() {
        HotspotResult r = service.run("alice", "demo", four(), Progress.NONE);
        assertEquals(4, r.hotspots().size());
        AuditEntry last = audit.latest(1).get(0);
        assertEquals(AuditEvent.HOTSPOTS, last.event());
        assertEquals("alice", last.username());
        assertTrue(last.detail().startsWith("ran on dataset 'demo': k=4 restarts=10 seed=42 radius=share 0.8"), last.detail());
    }

    @Test
    void aRunStreamsTheDatasetAndGivesWhatTheListGives() {
        List<Incident> demo = TestIncidents.fourCentres(2000, 3);
        // a source that only streams, as a dataset larger than the heap must be read
        IncidentSource streamingOnly = new IncidentSource() {
            @Override
            public List<Incident> incidents(String dataset) {
                throw new AssertionError("the whole dataset was asked for as a list");
            }

            @Override
            public void forEach(String dataset, java.util.function.Consumer<Incident> sink) {
                demo.forEach(sink);
            }
        };
        HotspotService streaming = new HotspotService(streamingOnly, new HotspotSetStore(db), audit,
                new MutableClock(Instant.parse("2026-03-01T10:00:00Z")), new HotspotFinder(2));
        HotspotResult streamed = streaming.run("alice", "demo", four(), Progress.NONE);
        HotspotResult listed = new HotspotFinder(2).run(demo, four(), List.of(), Progress.NONE);
        assertEquals(listed.hotspots(), streamed.hotspots());
        assertEquals(listed.evaluation(), streamed.evaluation());
        assertEquals(listed.provenance().dataSha256(), streamed.provenance().dataSha256());
        assertEquals(listed.cells(), streamed.cells());
    }

    @Test
    void aSavedSetLoadsBackEqualWithItsProvenance() {
        HotspotResult r = service.run("alice", "demo", four().withRadius(new RadiusRule.Fixed(250)), Progress.NONE);
        HotspotSet saved = service.save("alice", "  Demo four  ", "demo", r);
        assertEquals("Demo four", saved.name());

        HotspotSet loaded = service.load("demo FOUR").orElseThrow();
        assertEquals(saved, loaded);
        assertEquals(r, loaded.result());
        assertTrue(loaded.result().evaluation() != null);

        List<HotspotSetSummary> list = service.list();
        assertEquals(1, list.size());
        HotspotSetSummary s = list.get(0);
        assertEquals("Demo four", s.name());
        assertEquals("demo", s.dataset());
        assertEquals(r.method().key(), s.method(), "auto saves the method the backtest chose");
        assertTrue(List.of("coverage", "kmeans").contains(s.method()), s.method());
        assertEquals(4, s.k());
        assertEquals(42, s.seed());
        assertEquals(2000, s.rowsUsed());
        assertEquals(r.provenance().dataSha256(), s.dataSha256());
        assertTrue(audit.latest(1).get(0).detail().startsWith("saved set 'Demo four' from dataset 'demo'"));
    }

    @Test
    void theListNamesTheMethodOfEachSet() {
        service.save("alice", "grid set", "demo", service.run("alice", "demo", four().withMethod(MethodChoice.GRID),
                Progress.NONE));
        service.save("alice", "kmeans set", "demo", service.run("alice", "demo", four().withMethod(MethodChoice.KMEANS),
                Progress.NONE));
        assertEquals(List.of("kmeans set:kmeans", "grid set:grid"),
                service.list().stream().map(s -> s.name() + ":" + s.method()).toList());
    }

    @Test
    void namesAreCheckedAndUnique() {
        HotspotResult r = service.run("alice", "demo", four().withBacktest(null), Progress.NONE);
        assertEquals("a hotspot set needs a name",
                assertThrows(IllegalArgumentException.class, () -> service.save("alice", " ", "demo", r)).getMessage());
        service.save("alice", "Ten", "demo", r);
        assertEquals("a hotspot set named 'ten' already exists; choose another name or delete it first",
                assertThrows(IllegalArgumentException.class, () -> service.save("alice", "ten", "demo", r)).getMessage());
    }

    @Test
    void deleteIsAuditedAndReportsWhetherTheSetExisted() {
        HotspotResult r = service.run("alice", "demo", four().withBacktest(null), Progress.NONE);
        service.save("alice", "Gone soon", "demo", r);
        assertTrue(service.delete(admin("bob"), "gone soon"));
        assertFalse(service.delete(admin("bob"), "gone soon"));
        assertTrue(service.load("Gone soon").isEmpty());
        assertEquals("bob", audit.latest(1).get(0).username());
    }

    @Test
    void anUnknownDatasetIsNamed() {
        assertEquals("no dataset named 'nope'", assertThrows(IllegalArgumentException.class,
                () -> service.run("alice", "nope", four(), Progress.NONE)).getMessage());
    }

    @Test
    void elbowRunsOnTheDataset() {
        ElbowResult e = service.elbow("demo", four(), 2, 8, Progress.NONE);
        assertEquals(7, e.points().size());
        assertEquals(4, e.kneeK());
    }

    @Test
    void anAnalystDeletesTheirOwnSetButNotAnothersAndAdministratorsDeleteAny() {
        HotspotResult r = service.run("alice", "demo", four().withBacktest(null), Progress.NONE);
        service.save("alice", "Alices", "demo", r);
        service.save("alice", "Spare", "demo", r);
        NotAllowedException e = assertThrows(NotAllowedException.class, () -> service.delete(analyst("bob"), "alices"));
        assertEquals("Only its creator (alice) or an administrator can delete hotspot set 'Alices'.", e.getMessage());
        assertTrue(service.load("Alices").isPresent(), "still there");
        assertEquals(AuditEvent.REFUSED, audit.latest(1).get(0).event());
        assertEquals("bob", audit.latest(1).get(0).username());

        assertTrue(service.delete(analyst("alice"), "alices"));
        assertTrue(service.delete(admin("root"), "spare"));
        assertFalse(service.delete(analyst("bob"), "spare"), "nothing left to refuse");
    }
}
