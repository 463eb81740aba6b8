package org.beatwise.importing;

import static org.beatwise.testing.Actors.admin;
import static org.beatwise.testing.Actors.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports into a real H2 data home: transactions, duplicates, datasets, mappings, demo, areas. */
class ImportServiceTest {

    @TempDir
    Path home;
    @TempDir
    Path files;

    private Services services;
    private ImportService imports;

    @BeforeEach
    void open() {
        services = new Services(new DataHome(home), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
        imports = services.imports();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Path csv(String name, String text) throws IOException {
        Path f = files.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static final String HEADER = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE,Lat,Long,STREET\n";

    private static String rows(int from, int to) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = from; i < to; i++) {
            b.append("I").append(i).append(",619,LARCENY,2016-01-0").append(1 + i % 9).append(" 10:00:00,42.3,-71.1,RIVER ST\n");
        }
        return b.toString();
    }

    private ImportResult importInto(String dataset, Path... paths) {
        return imports.importFiles("alice", new ImportRequest(List.of(paths), dataset, ImportOptions.defaults(), false), Progress.NONE);
    }

    @Test
    void importStoresIncidentsAndReports() throws IOException {
        ImportResult r = importInto("test", csv("a.csv", rows(0, 10)));
        assertEquals(10, r.datasetRows());
        DatasetInfo d = services.datasets().dataset("TEST").orElseThrow();
        assertEquals("test", d.name());
        assertEquals(10, d.rows());
        assertEquals(LocalDateTime.of(2016, 1, 1, 10, 0), d.firstOccurred());
        assertEquals(LocalDateTime.of(2016, 1, 9, 10, 0), d.lastOccurred());
        assertEquals(1, d.files().size());
        assertEquals(64, d.files().get(0).sha256().length());
        assertEquals(10, d.report().rowsKept());
        List<Incident> incidents = services.datasets().incidents("test");
        assertEquals(10, incidents.size());
        assertEquals("I0", incidents.get(0).incidentId());
        assertEquals(2, incidents.get(0).sourceLine());
        assertEquals("RIVER ST", services.datasets().rows("test").get(3).street());
        AuditEntry last = services.audit().latest(1).get(0);
        assertEquals(AuditEvent.IMPORT, last.event());
        assertEquals("alice", last.username());
        assertTrue(last.detail().contains("a.csv 10 read / 10 kept"), last.detail());
    }

    @Test
    void sameFileTwiceIsRefusedAndNothingChanges() throws IOException {
        Path a = csv("a.csv", rows(0, 10));
        importInto("test", a);
        Path copy = Files.copy(a, files.resolve("renamed.csv"));
        ImportException e = assertThrows(ImportException.class, () -> importInto("test", csv("b.csv", rows(10, 20)), copy));
        assertEquals("renamed.csv: dataset 'test' already holds this file (same SHA-256 as 'a.csv'); nothing was imported",
                e.getMessage());
        assertEquals(10, services.datasets().dataset("test").orElseThrow().rows());
        assertEquals(1, services.datasets().dataset("test").orElseThrow().files().size());
        assertTrue(services.audit().latest(1).get(0).detail().startsWith("FAILED into dataset 'test'"));
    }

    @Test
    void aBadFileRollsBackTheWholeImport() throws IOException {
        Path good = csv("good.csv", rows(0, 5000));
        Path bad = csv("bad.csv", HEADER + "I1,619,\"LARCENY,2016-01-01 10:00:00,42.3,-71.1,X\n");
        assertThrows(ImportException.class, () -> importInto("new", good, bad));
        assertTrue(services.datasets().dataset("new").isEmpty(), "the dataset created by the failed import is gone too");
        assertFalse(services.datasets().hasDatasets());
    }

    @Test
    void cancelLeavesTheDatabaseAsItWas() throws IOException {
        importInto("test", csv("a.csv", rows(0, 10)));
        Path big = csv("big.csv", rows(10, 20_000));
        Progress cancelSoon = new Progress() {
            private long seen;
            @Override public void update(long done, long total, String message) {
                seen = done;
            }
            @Override public boolean isCancelled() {
                return seen >= 8192;
            }
        };
        assertThrows(CancelledException.class, () -> imports.importFiles("alice",
                new ImportRequest(List.of(big), "test", ImportOptions.defaults(), false), cancelSoon));
        DatasetInfo d = services.datasets().dataset("test").orElseThrow();
        assertEquals(10, d.rows());
        assertEquals(10, services.datasets().incidents("test").size());
        assertEquals(1, d.files().size());
    }

    @Test
    void duplicatesAgainstWhatTheDatasetHolds() throws IOException {
        importInto("test", csv("a.csv", rows(0, 10)));
        ImportResult r = importInto("test", csv("b.csv", rows(5, 15)));
        assertEquals(5, r.total().count(DropReason.DUPLICATE));
        assertTrue(r.total().dropped().get(DropReason.DUPLICATE).examples().get(0).value().endsWith("(already in the dataset)"));
        DatasetInfo d = services.datasets().dataset("test").orElseThrow();
        assertEquals(15, d.rows());
        assertEquals(20, d.report().rowsRead(), "the dataset's report adds up all its imports");
        assertEquals(2, d.files().size());
        assertEquals(15, services.datasets().incidents("test").size());
    }

    @Test
    void deleteDataset() throws IOException {
        importInto("one", csv("a.csv", rows(0, 10)));
        importInto("two", csv("b.csv", rows(0, 7)));
        assertTrue(services.datasets().deleteDataset(admin("alice"), "ONE"));
        assertFalse(services.datasets().deleteDataset(admin("alice"), "one"));
        assertEquals(List.of("two"), services.datasets().datasets().stream().map(DatasetInfo::name).toList());
        assertEquals(7, services.datasets().incidents("two").size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> services.datasets().incidents("one"));
        assertEquals("no dataset named 'one'; datasets are two", e.getMessage());
        assertEquals(AuditEvent.DATASET_DELETED, services.audit().latest(1).get(0).event());
    }

    @Test
    void savedMappingIsReused() throws IOException {
        ColumnMapping m = ColumnMapping.parse(List.of("id=Case", "offense=Crime", "datetime=When", "lat=Y", "lon=X"), "dd/MM/yyyy HH:mm");
        imports.saveMapping("alice", "London", m);
        assertEquals(List.of("London"), imports.mappingNames());
        ColumnMapping back = imports.mapping("london");
        assertEquals(m, back);
        Path f = csv("london.csv", "Case,Crime,When,Y,X\nC1,Burglary,15/06/2019 14:30,51.5,-0.12\n");
        ImportResult r = imports.importFiles("alice", new ImportRequest(List.of(f), "london",
                ImportOptions.defaults().withMapping(back), false), Progress.NONE);
        assertEquals(1, r.datasetRows());
        assertEquals("IllegalArgumentException: no saved mapping named 'paris'; saved mappings are [London]",
                assertThrows(IllegalArgumentException.class, () -> imports.mapping("paris")).toString()
                        .replace("java.lang.", ""));
    }

    @Test
    void demoDatasetIsSyntheticAndComplete() {
        assertFalse(services.datasets().hasDatasets());
        ImportResult r = imports.loadDemo("alice", Progress.NONE);
        assertEquals(ImportService.DEMO_DATASET, r.dataset());
        DatasetInfo d = services.datasets().dataset(ImportService.DEMO_DATASET).orElseThrow();
        assertTrue(d.synthetic());
        assertEquals(GeneratorSettings.DEMO_ROWS, d.report().rowsRead());
        assertEquals(GeneratorSettings.DEMO_ROWS - 100, d.rows(), "10 of each of the 10 bad kinds dropped");
        assertTrue(services.datasets().incidents(ImportService.DEMO_DATASET).stream().allMatch(i -> i.incidentId().startsWith("SYN")));
    }

    @Test
    void areaLayers() throws IOException {
        Path f = files.resolve("zones.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"ZONE":"North"},"geometry":{"type":"Polygon","coordinates":[
                   [[0,0],[10,0],[10,10],[0,10],[0,0]]]}}]}""");
        AreaLayerInfo info = services.areas().importAreas("alice", f, "ZONE", null).layer();
        assertEquals("zones", info.name());
        assertEquals(1, info.areas());
        assertEquals("North", services.areas().areas("ZONES").get(0).name());
        assertEquals(List.of("zones"), services.areas().areaLayers().stream().map(AreaLayerInfo::name).toList());
        assertThrows(IllegalArgumentException.class, () -> services.areas().importAreas("alice", f, "ZONE", "Zones"));
        assertEquals(12, AreaService.bostonDistricts().size());
    }

    @Test
    @Tag("real")
    void mattapanYearsIntoOneDataset() {
        List<Path> years = List.of(2015, 2016, 2017, 2018, 2019).stream()
                .map(y -> BostonData.file("mattapan_only_" + y + ".csv")).toList();
        ImportResult r = imports.importFiles("alice", new ImportRequest(years, "mattapan", ImportOptions.defaults(), false),
                Progress.NONE);
        assertEquals(44_298, r.total().rowsRead());
        assertEquals(44_298 - 116, r.datasetRows());
        assertEquals(List.of(5428L, 10570L, 10960L, 10961L, 6263L), r.files().stream().map(ImportReport::rowsKept).toList());
        List<Incident> incidents = services.datasets().incidents("mattapan");
        assertEquals(r.datasetRows(), incidents.size());
        // the same figures as reading the files without storing them
        assertEquals(LocalDateTime.of(2015, 6, 15, 0, 0), incidents.stream().map(Incident::occurredAt).min(LocalDateTime::compareTo).orElseThrow());
        ImportException again = assertThrows(ImportException.class, () -> imports.importFiles("alice",
                new ImportRequest(List.of(years.get(2)), "mattapan", ImportOptions.defaults(), false), Progress.NONE));
        assertTrue(again.getMessage().contains("already holds this file"));
    }

    @Test
    void anAnalystDeletesTheirOwnDatasetButNotAnothersAndAdministratorsDeleteAny() throws IOException {
        importInto("alices", csv("a.csv", rows(0, 10))); // imported by alice
        importInto("spare", csv("b.csv", rows(0, 7)));
        NotAllowedException e = assertThrows(NotAllowedException.class,
                () -> services.datasets().deleteDataset(analyst("bob"), "alices"));
        assertEquals("Only its creator (alice) or an administrator can delete dataset 'alices'.", e.getMessage());
        assertEquals(10, services.datasets().incidents("alices").size(), "nothing deleted");
        assertEquals(AuditEvent.REFUSED, services.audit().latest(1).get(0).event());
        assertEquals("bob", services.audit().latest(1).get(0).username());

        assertTrue(services.datasets().deleteDataset(analyst("Alice"), "alices"));
        assertTrue(services.datasets().deleteDataset(admin("root"), "spare"));
        assertFalse(services.datasets().deleteDataset(analyst("bob"), "spare"), "nothing left to refuse");
    }
}
