package org.beatwise.ui.shell;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.beatwise.settings.UserPreferences.WindowPlace;

/**
 * The window's place on the desktop: read back from a user's preferences and taken from the stage
 * when they leave. It follows the stage's size while it is not maximised, so a maximised window
 * still remembers the size it returns to.
 */
public final class WindowMemory {

    private final Stage stage;
    private Rectangle2D normal;

    public WindowMemory(Stage stage) {
        this.stage = stage;
        stage.xProperty().addListener((o, a, b) -> follow());
        stage.yProperty().addListener((o, a, b) -> follow());
        stage.widthProperty().addListener((o, a, b) -> follow());
        stage.heightProperty().addListener((o, a, b) -> follow());
    }

    private void follow() {
        if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    /** Puts the window where it was, if that place still lies on a screen (monitors get unplugged). */
    public void restore(Optional<WindowPlace> remembered) {
        remembered.filter(WindowMemory::onAScreen).ifPresent(p -> {
            stage.setMaximized(false);
            stage.setX(p.x());
            stage.setY(p.y());
            stage.setWidth(p.width());
            stage.setHeight(p.height());
            stage.setMaximized(p.maximised());
        });
    }

    /** Where the window is now, or nothing before it was ever shown. */
    public Optional<WindowPlace> current() {
        follow();
        if (normal == null || normal.getWidth() < 400 || normal.getHeight() < 300) {
            return Optional.empty();
        }
        return Optional.of(new WindowPlace(normal.getMinX(), normal.getMinY(), normal.getWidth(), normal.getHeight(),
                stage.isMaximized()));
    }

    /** At least a title bar's worth of the window must be on some screen, or the user could not reach it. */
    static boolean onAScreen(WindowPlace p) {
        Rectangle2D titleBar = new Rectangle2D(p.x() + 40, p.y(), Math.max(1, p.width() - 80), 30);
        return Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(titleBar));
    }
}
