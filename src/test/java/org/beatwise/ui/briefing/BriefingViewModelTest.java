package org.beatwise.ui.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.hotspot.HotspotSettings;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditEvent;
import org.beatwise.task.Progress;
import org.beatwise.testing.CrimeDemo;
import org.beatwise.testing.TestHomes;
import org.beatwise.ui.common.SameThreadTaskRunner;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Briefing window's state, without the toolkit: real services on a temporary station. */
class BriefingViewModelTest {

    @TempDir
    Path dir;

    @Test
    void previewsPageOneThenSavesExactlyWhatWasPreviewed() throws Exception {
        try (Services s = TestHomes.fast(dir.resolve("home"), Clock.systemUTC())) {
            CrimeDemo.importInto(s, dir);
            HotspotSettings quick = HotspotSettings.defaults().withK(3).withRestarts(1);
            s.hotspots().save("alice", "first", CrimeDemo.NAME, s.hotspots().run("alice", CrimeDemo.NAME, quick, Progress.NONE));
            s.hotspots().save("alice", "second", CrimeDemo.NAME, s.hotspots().run("alice", CrimeDemo.NAME, quick, Progress.NONE));
            BriefingViewModel vm = new BriefingViewModel(s.exports(), s.hotspots()::list, List::of,
                    new Session("alice", Role.ANALYST, Instant.EPOCH), new SameThreadTaskRunner());

            vm.refresh("second");
            assertEquals("second", vm.setProperty().get().name(), "the pane's current set is chosen");
            assertEquals(List.of(BriefingViewModel.NO_MODEL), vm.modelChoices());
            assertTrue(vm.canPreviewProperty().get());
            assertFalse(vm.canSaveProperty().get(), "nothing to save before a preview");

            vm.stationProperty().set("B-3");
            vm.preview();
            assertEquals("2 pages. Page 1 shown.", vm.messageProperty().get());
            BufferedImage page = ImageIO.read(new ByteArrayInputStream(vm.previewPngProperty().get()));
            assertEquals(595, page.getWidth(), 1, "A4 at 72 dpi");
            assertTrue(vm.canSaveProperty().get());

            Path file = dir.resolve("brief.pdf");
            byte[] previewed = vm.documentProperty().get().pdf();
            vm.save(file);
            assertEquals("Saved the briefing to " + file.toAbsolutePath(), vm.messageProperty().get());
            assertTrue(java.util.Arrays.equals(previewed, Files.readAllBytes(file)), "the file is the previewed document");
            AuditEntry last = s.audit().latest(1).get(0);
            assertEquals(AuditEvent.EXPORTED, last.event());
            assertEquals("alice", last.username());

            vm.stationProperty().set("C-11");
            assertNull(vm.documentProperty().get(), "a changed choice makes the preview stale");
            assertNull(vm.previewPngProperty().get());
            assertFalse(vm.canSaveProperty().get());
        }
    }

    @Test
    void withoutSavedSetsItSaysWhatToDoFirst() throws Exception {
        try (Services s = TestHomes.fast(dir.resolve("home"), Clock.systemUTC())) {
            BriefingViewModel vm = new BriefingViewModel(s.exports(), s.hotspots()::list, List::of,
                    new Session("alice", Role.ANALYST, Instant.EPOCH), new SameThreadTaskRunner());
            vm.refresh(null);
            assertNull(vm.setProperty().get());
            assertFalse(vm.canPreviewProperty().get());
            assertEquals("Save a hotspot set first: a briefing is about a saved set.", vm.messageProperty().get());
            assertNotNull(vm.setChoices());
        }
    }
}
