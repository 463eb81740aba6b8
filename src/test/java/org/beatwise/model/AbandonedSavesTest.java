package org.beatwise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.beatwise.testing.MutableClock;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of interrupted model saves go on start, but never one a running save may still own. */
class AbandonedSavesTest {

    private static final Instant WRITTEN = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path home;

    private Path saving(Path models, String name) throws Exception {
        Path f = Files.writeString(models.resolve(".saving-" + name + ModelBundle.EXTENSION), "half a bundle");
        Files.setLastModifiedTime(f, FileTime.from(WRITTEN));
        return f;
    }

    @Test
    void onlySavesOlderThanTheGraceTimeAreRemoved() throws Exception {
        Path models = Files.createDirectories(home.resolve("models"));
        Path tmp = saving(models, "123");
        Path model = Files.writeString(models.resolve("kept" + ModelBundle.EXTENSION), "not a temp file");
        Files.setLastModifiedTime(model, FileTime.from(WRITTEN));
        ModelStore store = new ModelStore(models);

        assertEquals(0, store.removeAbandonedSaves(WRITTEN.plus(Duration.ofMinutes(9))));
        assertTrue(Files.exists(tmp), "a save that may still be running is left alone");

        assertEquals(1, store.removeAbandonedSaves(WRITTEN.plus(ModelStore.ABANDONED_AFTER)));
        assertFalse(Files.exists(tmp));
        assertTrue(Files.exists(model));
    }

    @Test
    void startingTheServicesCleansTheModelsFolder() throws Exception {
        TestHomes.station(home);
        Path old = saving(home.resolve("models"), "old");
        MutableClock clock = new MutableClock(WRITTEN.plus(Duration.ofHours(1)));
        try (Services s = new Services(new DataHome(home), clock)) {
            assertFalse(Files.exists(old));
            assertTrue(s.models().list().isEmpty());
        }
    }
}
