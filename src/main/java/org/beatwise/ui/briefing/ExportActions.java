package org.beatwise.ui.briefing;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Actor;
import org.beatwise.export.ExportService;
import org.beatwise.export.Exported;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.model.ModelService;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.PictureSink;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * What the panes need to send results out, built once per pane by the shell: the picture sink for
 * "Save as PNG…" and the opener of the Briefing window.
 */
public record ExportActions(ExportService exports, HotspotService hotspots, ModelService models, Session session,
                            TaskRunner tasks) {

    /** Pictures go through the export service (checked, whole, audited), in the background. */
    public PictureSink pictures() {
        Actor actor = new Actor(session.username(), session.role());
        TaskTracker work = new TaskTracker(tasks);
        return (String what, byte[] png, Path file, Consumer<String> done) -> work.start(
                BackgroundTask.of("Saving the " + what, p -> exports.picture(actor, what, png, file, true))
                        .onSuccess((Exported e) -> done.accept("Saved the " + what + " to " + e.file()))
                        .onFailure(e -> done.accept("Could not save the " + what + ": " + e.getMessage())));
    }

    /** Opens the Briefing window over {@code owner}, with the pane's current set chosen when it is saved. */
    public void openBriefing(Node owner, Supplier<String> currentSet) {
        BriefingViewModel vm = new BriefingViewModel(exports, hotspots::list,
                () -> models.list().stream().map(m -> m.name()).toList(), session, tasks);
        BriefingDialog.show(owner.getScene() == null ? null : owner.getScene().getWindow(), vm, currentSet.get());
    }
}
