package org.beatwise.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.beatwise.alert.AlertRule;
import org.beatwise.alert.PredictionCheck;
import org.beatwise.alert.Zone;
import org.beatwise.auth.SignInResult;
import org.beatwise.domain.Area;
import org.beatwise.domain.Incident;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.importing.AreaLayerInfo;
import org.beatwise.importing.ColumnMapping;
import org.beatwise.importing.ImportException;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.importing.ImportResult;
import org.beatwise.model.TrainedModel;
import org.beatwise.model.TrainingSettings;
import org.beatwise.settings.AlertSettings;
import org.beatwise.store.AlertRecord;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditVerification;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;
import org.beatwise.testing.Actors;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every service does, on one engine: the subclasses run it on H2 and on a real PostgreSQL server,
 * so the stores' SQL and the migrations are proven on both.
 */
abstract class ServicesOnBothEnginesContract {

    static final TrainingSettings SMALL = TrainingSettings.defaults().withTrees(5).withMaxDepth(5).withMinLeaf(5)
            .withMinClassSize(20);

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    Services s;

    /** Services for a new, empty station in {@code home} on this engine. */
    abstract Services open(Path home);

    @BeforeEach
    void start() {
        s = open(dir.resolve("station"));
    }

    @AfterEach
    void stop() {
        if (s != null) {
            s.close();
        }
    }

    ImportResult importRows(String dataset, String file, List<Incident> rows) {
        Path csv = TestIncidents.writeCsv(dir.resolve(file), rows);
        return s.imports().importFiles("alice", new ImportRequest(List.of(csv), dataset, ImportOptions.defaults(), false),
                Progress.NONE);
    }

    @Test
    void usersSignInAndRolesAreKept() {
        s.auth().addUser(Actors.admin("root"), "Alice", "correct horse battery 1", Role.ANALYST);
        assertInstanceOf(SignInResult.Success.class, s.auth().signIn("alice", "correct horse battery 1"));
        assertInstanceOf(SignInResult.Failed.class, s.auth().signIn("alice", "wrong password here"));
        assertEquals(Role.ANALYST, s.auth().users().stream().filter(u -> u.username().equals("Alice")).findFirst()
                .orElseThrow().role());
    }

    @Test
    void importReadsBackEveryRowAndRefusesTheSameFileTwice() {
        List<Incident> rows = TestIncidents.crimeTypes(700);
        ImportResult r = importRows("north", "north.csv", rows);
        assertEquals(700, r.total().rowsKept());
        assertEquals(700, s.datasets().dataset("north").orElseThrow().rows());
        List<Incident> back = s.datasets().incidents("north");
        assertEquals(rows.size(), back.size());
        assertEquals(rows.get(0).occurredAt(), back.get(0).occurredAt());
        assertEquals(rows.get(699).offense(), back.get(699).offense());

        Path same = dir.resolve("north.csv");
        assertThrows(RuntimeException.class, () -> s.imports().importFiles("alice",
                new ImportRequest(List.of(same), "north", ImportOptions.defaults(), false), Progress.NONE));
        assertEquals(700, s.datasets().dataset("north").orElseThrow().rows(), "all or nothing");

        assertTrue(s.datasets().deleteDataset(Actors.admin("root"), "north"));
        assertTrue(s.datasets().dataset("north").isEmpty());
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // the failure this guards against was a hang: the bulk path holding the connection
    void filesOfSeveralChunksAreCheckedAfterTheirRowsAndReadBackWhole() {
        // sizes no file of the dataset has: each file's digest is checked after its rows are read, while
        // chunks of it may still be on their way to the database
        List<Incident> a = TestIncidents.crimeTypes(20_000, 3);
        List<Incident> b = TestIncidents.crimeTypes(9_000, 4);
        Path fileA = TestIncidents.writeCsv(dir.resolve("a.csv"), a);
        Path fileB = TestIncidents.writeCsv(dir.resolve("b.csv"), b);
        ImportResult r = s.imports().importFiles("alice", new ImportRequest(List.of(fileA, fileB), "big", ImportOptions.defaults(),
                false), Progress.NONE);
        long kept = r.total().rowsKept();
        assertEquals(kept, s.datasets().incidents("big").size());
        assertEquals(a.get(19_999).incidentId(), s.datasets().incidents("big").get((int) r.files().get(0).rowsKept() - 1).incidentId());

        ImportException again = assertThrows(ImportException.class, () -> s.imports().importFiles("alice",
                new ImportRequest(List.of(fileB), "big", ImportOptions.defaults(), false), Progress.NONE));
        assertTrue(again.getMessage().contains("already holds this file"), again.getMessage());
        assertEquals(kept, s.datasets().dataset("big").orElseThrow().rows(), "all or nothing");
    }

    @Test
    void anImportCancelledLateLeavesTheDatasetAsItWas() {
        importRows("late", "first.csv", TestIncidents.crimeTypes(10, 1));
        // big enough that PostgreSQL's COPY has sent several commands before the cancel
        Path big = TestIncidents.writeCsv(dir.resolve("big.csv"), TestIncidents.crimeTypes(60_000, 2));
        Progress cancelLate = new Progress() {
            private boolean late;
            @Override public void update(long done, long total, String message) {
                late = total > 0 && done >= total * 9 / 10;
            }
            @Override public boolean isCancelled() {
                return late;
            }
        };
        assertThrows(CancelledException.class, () -> s.imports().importFiles("alice",
                new ImportRequest(List.of(big), "late", ImportOptions.defaults(), false), cancelLate));
        assertEquals(10, s.datasets().dataset("late").orElseThrow().rows());
        assertEquals(10, s.datasets().incidents("late").size());
        assertEquals(1, s.datasets().dataset("late").orElseThrow().files().size());
    }

    @Test
    void hostileTextReadsBackExactlyAsOnTheEmbeddedEngine() throws Exception {
        // backslashes, COPY's null marker, tabs, a line break inside quotes, quotes and non-ASCII text:
        // whatever the importer keeps must come back unchanged, whichever engine stores it
        String csv = "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_CODE_GROUP,OFFENSE_DESCRIPTION,DISTRICT,OCCURRED_ON_DATE,Lat,Long,STREET\n"
                + "I1,00619,Larceny,\"LARCENY \\\\N\",B2,2023-01-01 10:00:00,42.30,-71.08,\"A\tB \\\\ C\"\n"
                + "I2,00620,Larceny,\"SAY \"\"HI\"\"\",B2,2023-01-02 10:00:00,42.31,-71.07,\"LINE\nBREAK\"\n"
                + "I3,00621,\\N,Straße é 漢字,\\N,2023-01-03 10:00:00,42.32,-71.06,\\\n";
        Path file = dir.resolve("hostile.csv");
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
        s.imports().importFiles("alice", new ImportRequest(List.of(file), "hostile", ImportOptions.defaults(), false), Progress.NONE);
        try (Services embedded = new Services(new DataHome(dir.resolve("embedded")), clock)) {
            embedded.imports().importFiles("alice", new ImportRequest(List.of(file), "hostile", ImportOptions.defaults(), false),
                    Progress.NONE);
            List<org.beatwise.importing.ImportedRow> expected = embedded.datasets().rows("hostile");
            assertEquals(3, expected.size());
            assertEquals(expected, s.datasets().rows("hostile"));
        }
    }

    @Test
    void hotspotSetsSaveAndLoadEqual() {
        importRows("centres", "centres.csv", TestIncidents.fourCentres(800));
        HotspotResult r = s.hotspots().run("alice", "centres", HotspotSettings.defaults().withK(4), Progress.NONE);
        HotspotSet saved = s.hotspots().save("alice", "Four", "centres", r);
        assertEquals(saved, s.hotspots().load("four").orElseThrow());
        assertEquals(1, s.hotspots().list().size());
    }

    @Test
    void alertsAndSettingsAndAuditAreKept() {
        AlertSettings d = AlertSettings.defaults();
        s.stationSettings().updateAlerts(Actors.admin("root"), new AlertSettings(0.5, d.highRiskClasses(), d.proximityMeters(),
                d.stationLat(), d.stationLon(), d.repeatMinutes()));
        assertEquals(0.5, s.stationSettings().alerts().confidenceThreshold());
        List<AlertRecord> raised = s.alerts().check("alice", new PredictionCheck(42.3, -71.08, "X", 0.9),
                List.of(new Zone("hotspot 1", 42.3, -71.08, 200)), "m", "h");
        assertFalse(raised.isEmpty());
        assertEquals(raised.size(), s.alerts().list(null, null, null, 100).size());
        assertEquals(1, s.alerts().list(AlertRule.PROXIMITY, "alice", null, 100).size());

        assertTrue(s.audit().latest(50).stream().anyMatch(e -> e.event() == AuditEvent.ALERT));
        AuditVerification v = s.audit().verify();
        assertTrue(v.intact(), v.problem());
    }

    @Test
    void aModelTrainsSavesAndLoads() {
        importRows("types", "types.csv", TestIncidents.compactCrimeTypes(1500));
        TrainedModel m = s.models().train("alice", "types", "types-model", SMALL, Progress.NONE);
        assertEquals(List.of("types-model"), s.models().list().stream().map(x -> x.name()).toList());
        assertEquals(m.metadata().modelSha256(), s.models().load("types-model").metadata().modelSha256());
    }

    @Test
    void areaLayersImportListAndReadBack() throws Exception {
        // a ring of 60,000 points: the stored GeoJSON passes 1,000,000 characters, H2's VARCHAR limit, so
        // the long-text column is proven on both engines, not only the happy small case
        int n = 60_000;
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            ring.append(i == 0 ? "" : ",").append('[').append(-71.08 + 0.01 * Math.cos(a)).append(',')
                    .append(42.30 + 0.01 * Math.sin(a)).append(']');
        }
        ring.append(",[").append(-71.08 + 0.01).append(',').append(42.30).append(']');
        Path file = dir.resolve("beats.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"BEAT\":\"Round\",\"NOTE\":\"Straße 漢字\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"BEAT\":\"Square\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-71.2,42.2],[-71.1,42.2],[-71.1,42.25],[-71.2,42.25],[-71.2,42.2]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"BEAT\":\"Nowhere\"},\"geometry\":null}]}", StandardCharsets.UTF_8);

        AreaLayerInfo info = s.areas().importAreas("alice", file, "BEAT", "Beats").layer();
        assertEquals(2, info.areas());
        assertEquals(List.of("Beats"), s.areas().areaLayers().stream().map(AreaLayerInfo::name).toList());
        List<Area> back = s.areas().areas("beats");
        assertEquals(List.of("Round", "Square"), back.stream().map(Area::name).toList());
        assertEquals("Straße 漢字", back.get(0).properties().get("NOTE"));
        double[] outer = back.get(0).polygons().get(0).rings().get(0);
        assertEquals(2 * (n + 1), outer.length, "every vertex of the long ring is kept");
        assertTrue(back.get(0).contains(42.30, -71.08));
        assertFalse(back.get(1).contains(42.30, -71.08));
        assertTrue(back.get(1).contains(42.22, -71.15));
        assertThrows(IllegalArgumentException.class, () -> s.areas().importAreas("alice", file, "BEAT", "BEATS"),
                "layer names are unique regardless of case");
        assertTrue(s.audit().latest(5).stream().anyMatch(e -> e.event() == AuditEvent.IMPORT && e.detail().contains("'Beats'")));
    }

    @Test
    void savedColumnMappingsAreKeptAndReused() throws Exception {
        ColumnMapping m = ColumnMapping.parse(List.of("id=Case", "offense=Crime", "datetime=When", "lat=Y", "lon=X"),
                "dd/MM/yyyy HH:mm");
        s.imports().saveMapping("alice", "London", m);
        s.imports().saveMapping("alice", "Chicago", ColumnMapping.parse(List.of("offense=Primary Type", "date=D", "time=T",
                "lat=Latitude", "lon=Longitude"), null));
        assertEquals(List.of("Chicago", "London"), s.imports().mappingNames().stream().sorted().toList());
        assertEquals(m, s.imports().mapping("LONDON"));
        // saving under the same name in another case replaces it, never a second row
        ColumnMapping other = ColumnMapping.parse(List.of("offense=Crime", "datetime=When", "lat=Y", "lon=X"), null);
        s.imports().saveMapping("alice", "london", other);
        assertEquals(List.of("Chicago", "london"), s.imports().mappingNames().stream().sorted().toList());
        assertEquals(other, s.imports().mapping("London"));
        s.imports().saveMapping("alice", "London", m);

        Path f = dir.resolve("london.csv");
        Files.writeString(f, "Case,Crime,When,Y,X\nC1,Burglary,15/06/2019 14:30,51.5,-0.12\n", StandardCharsets.UTF_8);
        ImportResult r = s.imports().importFiles("alice", new ImportRequest(List.of(f), "london",
                ImportOptions.defaults().withMapping(s.imports().mapping("london")), false), Progress.NONE);
        assertEquals(1, r.datasetRows());
        assertEquals(java.time.LocalDateTime.of(2019, 6, 15, 14, 30), s.datasets().incidents("london").get(0).occurredAt());
    }

    @Test
    void aDatasetLargerThanTheStationsLimitIsTrainedOnARecordedSample() {
        importRows("types", "types.csv", TestIncidents.compactCrimeTypes(1500));
        s.stationSettings().set(Actors.admin("root"), "training.sample_rows", "1000");
        assertThrows(IllegalArgumentException.class, () -> s.stationSettings().set(Actors.admin("root"), "training.sample_rows", "10"));
        TrainedModel m = s.models().train("alice", "types", "sampled", SMALL, Progress.NONE);
        org.beatwise.model.DataSample sample = m.metadata().sample();
        assertEquals(1500, sample.datasetRows());
        assertEquals(1000, sample.rows());
        assertTrue(sample.sampled());
        assertEquals(1000, m.metadata().data().rows());
        // recorded in the saved bundle, and said in the report
        assertEquals(sample, s.models().load("sampled").metadata().sample());
        assertTrue(org.beatwise.model.ModelReport.of(s.models().load("sampled").metadata()).notes().stream()
                .anyMatch(n -> n.contains("sample of 1,000 of the dataset's 1,500 rows")));
    }
}
