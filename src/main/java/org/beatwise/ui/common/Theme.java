package org.beatwise.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import org.beatwise.settings.UserPreferences;

/**
 * The look of the window: AtlantaFX Primer light or dark as the user-agent stylesheet, Beatwise's own
 * small stylesheet on top, its night additions, and the presentation sizes. The scene's stylesheets
 * say which look is on, so anything drawn outside JavaFX (the map page) can follow
 * ({@link #isNight(Scene)}).
 */
public final class Theme {

    static final String BASE = css("beatwise.css");
    static final String NIGHT = css("beatwise-night.css");
    static final String PRESENTATION = css("beatwise-presentation.css");
    private static UserPreferences.Theme userAgent;

    private Theme() { }

    private static String css(String name) {
        return Objects.requireNonNull(Theme.class.getResource("/org/beatwise/ui/" + name), name).toExternalForm();
    }

    /** The look before anyone has signed in: light, normal sizes. */
    public static void applyDefault(Scene scene) {
        apply(scene, UserPreferences.Theme.LIGHT, false);
    }

    public static void apply(Scene scene, UserPreferences.Theme theme, boolean presentation) {
        // The user-agent stylesheet is the application's, not the scene's: set it only when it changes,
        // since parsing it costs a few tens of milliseconds.
        if (userAgent != theme) {
            Application.setUserAgentStylesheet(theme == UserPreferences.Theme.DARK
                    ? new PrimerDark().getUserAgentStylesheetBSS()
                    : new PrimerLight().getUserAgentStylesheetBSS());
            userAgent = theme;
        }
        List<String> sheets = new ArrayList<>(List.of(BASE));
        if (theme == UserPreferences.Theme.DARK) {
            sheets.add(NIGHT);
        }
        if (presentation) {
            sheets.add(PRESENTATION);
        }
        if (!scene.getStylesheets().equals(sheets)) {
            scene.getStylesheets().setAll(sheets);
        }
    }

    /** Whether the scene shows the night look (the map page takes its dark palette from this). */
    public static boolean isNight(Scene scene) {
        return scene != null && scene.getStylesheets().contains(NIGHT);
    }

    public static boolean isPresentation(Scene scene) {
        return scene != null && scene.getStylesheets().contains(PRESENTATION);
    }

    /** Dialogs are scenes of their own: they take the window's stylesheets so they look the same. */
    public static void follow(Scene owner, Scene dialog) {
        if (owner != null && dialog != null) {
            dialog.getStylesheets().setAll(owner.getStylesheets());
        }
    }
}
