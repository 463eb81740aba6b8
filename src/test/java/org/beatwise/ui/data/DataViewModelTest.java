package org.beatwise.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.importing.Field;
import org.beatwise.importing.GeneratorSettings;
import org.beatwise.importing.ImportService;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.MutableClock;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.DemoSetup;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data pane's view-model on the real import service and an H2 home; tasks run on the test's thread. */
class DataViewModelTest {

    @TempDir
    Path home;
    @TempDir
    Path work;
    private Services services;
    private DataViewModel vm;

    @BeforeEach
    void open() {
        services = new Services(new DataHome(home), Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC));
        vm = new DataViewModel(services.imports(), services.datasets(), services.demo(), new Session("alice", Role.ANALYST, Instant.EPOCH), new SameThreadTaskRunner(),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void firstStartOffersTheSyntheticDemo() {
        assertTrue(vm.offerDemoProperty().get());
        vm.loadDemo();
        assertFalse(vm.offerDemoProperty().get());
        assertEquals(ImportService.DEMO_DATASET, vm.datasets().get(0).name());
        assertTrue(vm.datasets().get(0).synthetic());
        assertEquals(ImportService.DEMO_DATASET, vm.selectedProperty().get().name());
        assertTrue(vm.reportSummaryProperty().get().contains(String.format("%,d rows read", GeneratorSettings.DEMO_ROWS)),
                vm.reportSummaryProperty().get());
        assertEquals(9, vm.reasons().size(), "every kind of bad row the generator writes is reported");
        assertTrue(vm.messageProperty().get().contains("not real"), vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        // a ready-made model and hotspot set, built on the station, so every pane works at once
        assertTrue(services.models().list().stream().anyMatch(m -> m.name().equals(DemoSetup.MODEL)));
        assertEquals(10, services.hotspots().load(DemoSetup.HOTSPOTS).orElseThrow().result().hotspots().size());
    }

    @Test
    @Tag("real")
    void bostonExportShowsTheSameReportAsTheCommandLine() {
        vm.addFiles(List.of(BostonData.file("boston_crime_larceny_2016_2018.csv")));
        assertEquals("boston_crime_larceny_2016_2018", vm.datasetNameProperty().get());
        assertFalse(vm.mappingNeededProperty().get());
        assertEquals(DataViewModel.PREVIEW_ROWS, vm.previewRows().size());
        assertEquals("", vm.headers().get(0), "the leading unnamed index column is shown as it is");
        assertTrue(vm.previewInfoProperty().get().contains("Boston Police Department export"), vm.previewInfoProperty().get());
        assertTrue(vm.canImportProperty().get());
        vm.importFiles();
        assertEquals(List.of("latitude or longitude missing 676", "placeholder coordinates (-1,-1) or (0,0) 49",
                        "duplicate record 1"),
                vm.reasons().stream().map(r -> r.reason() + " " + r.count()).toList());
        assertTrue(vm.reportSummaryProperty().get().contains("20,929 rows read, 20,203 kept (96.5 %)"), vm.reportSummaryProperty().get());
        assertTrue(vm.files().isEmpty());
        assertEquals(20_203, vm.datasets().get(0).rows());
    }

    @Test
    void unknownExportGoesThroughTheMappingStep() throws Exception {
        Path f = work.resolve("city.csv");
        Files.writeString(f, "ID,Date,Primary Type,Latitude,Longitude\n"
                + "1,01/02/2020 11:15:00 PM,THEFT,41.88,-87.63\n2,01/03/2020 08:00:00 AM,BATTERY,41.89,-87.62\n");
        vm.addFiles(List.of(f));
        assertTrue(vm.mappingNeededProperty().get());
        assertEquals("Date", vm.columnProperty(Field.DATETIME).get());
        assertEquals("Primary Type", vm.columnProperty(Field.OFFENSE).get());
        assertEquals("Latitude", vm.columnProperty(Field.LAT).get());

        vm.columnProperty(Field.LAT).set(DataViewModel.NONE); // the user clears a field by mistake
        vm.importFiles();
        assertTrue(vm.messageProperty().get().startsWith("mapping is missing lat"), vm.messageProperty().get());
        assertTrue(vm.datasets().isEmpty());

        vm.columnProperty(Field.LAT).set("Latitude");
        vm.saveMappingAsProperty().set("Chicago");
        vm.importFiles();
        assertEquals("Imported into 'city', which now holds 2 incidents.", vm.messageProperty().get());
        assertEquals(List.of("Chicago"), vm.savedMappings());

        Path g = work.resolve("city2.csv");
        Files.writeString(g, "ID,Date,Primary Type,Latitude,Longitude\n3,01/04/2020 10:00:00 AM,THEFT,41.88,-87.63\n");
        vm.addFiles(List.of(g));
        vm.columnProperty(Field.OFFENSE).set(DataViewModel.NONE);
        vm.useSavedMapping("chicago");
        assertEquals("Primary Type", vm.columnProperty(Field.OFFENSE).get());
    }

    @Test
    void importErrorsAreShownAndNothingIsStored() throws Exception {
        Path f = work.resolve("broken.csv");
        Files.writeString(f, "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_DESCRIPTION,OCCURRED_ON_DATE,Lat,Long\n"
                + "I1,619,\"LARCENY,2016-01-01 10:00:00,42.3,-71.1\n");
        vm.addFiles(List.of(f));
        vm.importFiles();
        assertTrue(vm.messageProperty().get().startsWith("broken.csv, line 2, column 3 (OFFENSE_DESCRIPTION): unterminated quote"),
                vm.messageProperty().get());
        assertTrue(vm.datasets().isEmpty());
        vm.bboxProperty().set("1,2,3");
        vm.importFiles();
        assertEquals("bbox must be south,west,north,east (4 numbers), was '1,2,3'", vm.messageProperty().get());
    }

    @Test
    void deleteSelectedDataset() {
        vm.loadDemo();
        vm.deleteSelected();
        assertTrue(vm.datasets().isEmpty());
        assertTrue(vm.offerDemoProperty().get());
        assertNull(vm.reportProperty().get());
    }

    @Test
    void progressMessageCarriesRowsPerSecond() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-02T10:00:00Z"));
        String[] last = {""};
        Progress p = DataViewModel.withRate(new Progress() {
            @Override public void update(long done, long total, String message) {
                last[0] = message;
            }
            @Override public boolean isCancelled() {
                return false;
            }
        }, clock);
        clock.advance(Duration.ofMillis(400));
        p.update(40_000, 240_000, "x.csv: 40000 rows read");
        assertEquals("x.csv: 40000 rows read", last[0], "no rate in the first half second");
        clock.advance(Duration.ofMillis(200));
        p.update(120_000, 240_000, "x.csv: 120000 rows read");
        assertEquals("x.csv: 120000 rows read · 200,000 rows/s", last[0]);
    }
}
