package org.beatwise.wiring;

import java.nio.file.Path;
import java.util.Map;
import org.beatwise.testing.TestPostgres;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.beatwise.hotspot.HotspotResult;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.model.ModelBundle;
import org.beatwise.model.TrainedModel;
import org.beatwise.task.Progress;
import org.beatwise.testing.Actors;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The services on a real PostgreSQL server, a schema of their own per test. */
class PostgresServicesTest extends ServicesOnBothEnginesContract {

    private TestPostgres.Schema schema;

    @Override
    Services open(Path home) {
        schema = TestPostgres.schema();
        return new Services(new DataHome(home), new StationDatabase(schema.url(), "the test"), Map.of(), clock);
    }

    @Test
    void twoStationsOnOneDatabaseSeeEachOthersModelsAndHotspotSets() {
        importRows("types", "types.csv", TestIncidents.compactCrimeTypes(1500));
        TrainedModel trained = s.models().train("alice", "types", "shared-model", SMALL, Progress.NONE);
        HotspotResult r = s.hotspots().run("alice", "types", HotspotSettings.defaults().withK(3), Progress.NONE);
        s.hotspots().save("alice", "Shared set", "types", r);

        try (Services other = new Services(new DataHome(dir.resolve("second-station")), new StationDatabase(schema.url(), "the test"),
                Map.of(), clock)) {
            assertEquals(List.of("shared-model"), other.models().list().stream().map(m -> m.name()).toList());
            assertEquals(trained.metadata().modelSha256(), other.models().load("shared-model").metadata().modelSha256());
            assertEquals(r, other.hotspots().load("shared set").orElseThrow().result());
            assertTrue(Files.isRegularFile(dir.resolve("second-station/shared-models/shared-model" + ModelBundle.EXTENSION)));

            // a deletion on one station reaches the other's cache
            assertTrue(other.models().delete(Actors.admin("bob"), "shared-model"));
            assertTrue(s.models().list().isEmpty());
            assertFalse(Files.exists(dir.resolve("station/shared-models/shared-model" + ModelBundle.EXTENSION)));
        }
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
