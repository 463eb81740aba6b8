package org.beatwise.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.hotspot.Hotspot;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.task.Progress;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.SmallModels;
import org.beatwise.testing.TestHomes;
import org.beatwise.testing.TestIncidents;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real H2 data home: the index is kept until the dataset changes; saved hotspot sets are found. */
class PlaceProfileServiceTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void theIndexIsKeptUntilTheDatasetChanges() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
        try (Services services = TestHomes.fast(home, clock)) {
            CrimeDemo.importInto(services, work);
            Incident centre = TestIncidents.crimeTypes(4000).get(3);
            PlaceProfileService profiles = services.profiles();
            PlaceIndex first = profiles.index("demo");
            PlaceProfile before = profiles.profile("demo", centre.lat(), centre.lon(), 300, null, null);
            assertSame(first, profiles.index("demo"), "built once");
            assertTrue(before.incidents() > 0);

            // the same rows again under new ids: the dataset grows, the index is rebuilt and sees them
            List<Incident> more = TestIncidents.crimeTypes(4000).stream().map(i -> new Incident("X" + i.incidentId(),
                    i.occurredAt().plusMinutes(1), i.lat(), i.lon(), i.offense(), i.offenseCode(), i.offenseGroup(),
                    i.district(), i.sourceLine())).toList();
            clock.advance(java.time.Duration.ofMinutes(5));
            services.imports().importFiles("test", new ImportRequest(List.of(TestIncidents.writeCsv(work.resolve("more.csv"),
                    more)), "demo", ImportOptions.defaults(), false), Progress.NONE);
            assertNotSame(first, profiles.index("demo"), "rebuilt after the import");
            PlaceProfile after = profiles.profile("demo", centre.lat(), centre.lon(), 300, null, null);
            assertEquals(2 * before.incidents(), after.incidents());
            assertEquals(2 * before.datasetIncidents(), after.datasetIncidents());
        }
    }

    @Test
    void aPlaceInsideASavedHotspotNamesTheSet() {
        try (Services services = TestHomes.fast(home, java.time.Clock.systemUTC())) {
            CrimeDemo.importInto(services, work);
            services.hotspots().save("test", "small-set", "demo", SmallModels.HOTSPOTS);
            Hotspot h = SmallModels.HOTSPOTS.hotspots().get(0);
            PlaceProfile inside = services.profiles().profile("demo", h.lat(), h.lon(), 250, null, null);
            assertEquals(1, inside.hotspotSets().size());
            assertEquals("small-set", inside.hotspotSets().get(0).name());
            assertEquals("hotspot " + h.rank(), inside.hotspotSets().get(0).area());
            PlaceProfile far = services.profiles().profile("demo", h.lat() + 0.2, h.lon(), 250, null, null);
            assertTrue(far.hotspotSets().isEmpty());
            assertEquals(0, far.incidents());
            assertTrue(far.notes().get(0).startsWith("No incidents within 250 m"), far.notes().toString());
        }
    }

    @Test
    void badRequestsNameTheValue() {
        try (Services services = TestHomes.fast(home, java.time.Clock.systemUTC())) {
            CrimeDemo.importInto(services, work);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> services.profiles().profile("demo", 42.3, -71.1, 6000, null, null));
            assertTrue(e.getMessage().contains("radiusM must be more than 0 and at most 5000 m, was 6000.0"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> services.profiles().profile("demo", 91, -71.1, 250, null, null));
            assertTrue(e.getMessage().contains("lat must be between -90 and 90, was 91.0"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> services.profiles().profile("none", 42.3, -71.1, 250, null, null));
            assertTrue(e.getMessage().contains("no dataset named 'none'"), e.getMessage());
        }
    }
}
