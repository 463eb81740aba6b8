package org.beatwise.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One user's look of the desktop app, remembered between sessions. Validated on construction;
 * messages name the field and the value.
 *
 * @param theme light for the day, dark for night shifts
 * @param presentation larger fonts and chart labels for a projector
 * @param window where the main window was and how big, or null until it was first closed
 * @param lastPane the id of the pane open last ("data", "train", …), or "" for the first pane
 */
public record UserPreferences(Theme theme, boolean presentation, WindowPlace window, String lastPane) {

    public static final String PREFIX = "ui.";

    /** The two looks the app offers. */
    public enum Theme { LIGHT, DARK }

    /**
     * The window's place on the desktop in screen pixels; the UI checks it still fits a screen.
     *
     * @param maximised whether it filled the screen (x, y, width and height are then its size before)
     */
    public record WindowPlace(double x, double y, double width, double height, boolean maximised) {
        public WindowPlace {
            if (!(width >= 400 && width <= 20_000)) {
                throw new IllegalArgumentException("window width must be between 400 and 20000, was " + width);
            }
            if (!(height >= 300 && height <= 20_000)) {
                throw new IllegalArgumentException("window height must be between 300 and 20000, was " + height);
            }
            if (!(Math.abs(x) <= 100_000 && Math.abs(y) <= 100_000)) {
                throw new IllegalArgumentException("window position out of range: " + x + ", " + y);
            }
        }
    }

    public UserPreferences {
        if (theme == null) {
            throw new IllegalArgumentException("theme must be light or dark, was null");
        }
        lastPane = lastPane == null ? "" : lastPane.strip();
        if (!lastPane.matches("[a-z]{0,32}")) {
            throw new IllegalArgumentException("lastPane must be a pane id of lower-case letters, was '" + lastPane + "'");
        }
    }

    public static UserPreferences defaults() {
        return new UserPreferences(Theme.LIGHT, false, null, "");
    }

    public UserPreferences withTheme(Theme t) {
        return new UserPreferences(t, presentation, window, lastPane);
    }

    public UserPreferences withPresentation(boolean on) {
        return new UserPreferences(theme, on, window, lastPane);
    }

    public UserPreferences withWindow(WindowPlace place) {
        return new UserPreferences(theme, presentation, place, lastPane);
    }

    public UserPreferences withLastPane(String pane) {
        return new UserPreferences(theme, presentation, window, pane);
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "theme", theme.name().toLowerCase(java.util.Locale.ROOT));
        p.put(PREFIX + "presentation", Boolean.toString(presentation));
        p.put(PREFIX + "last_pane", lastPane);
        if (window != null) {
            p.put(PREFIX + "window.x", Double.toString(window.x()));
            p.put(PREFIX + "window.y", Double.toString(window.y()));
            p.put(PREFIX + "window.width", Double.toString(window.width()));
            p.put(PREFIX + "window.height", Double.toString(window.height()));
            p.put(PREFIX + "window.maximised", Boolean.toString(window.maximised()));
        }
        return p;
    }

    /** Reads the preferences, taking the default for every missing key; a window is read only when all of it is there. */
    public static UserPreferences of(Map<String, String> p) {
        UserPreferences d = defaults();
        FlatKeys keys = new FlatKeys(p, PREFIX);
        WindowPlace window = null;
        if (keys.has("window.width") && keys.has("window.height") && keys.has("window.x") && keys.has("window.y")) {
            window = new WindowPlace(keys.getDouble("window.x", 0), keys.getDouble("window.y", 0),
                    keys.getDouble("window.width", 0), keys.getDouble("window.height", 0),
                    keys.getBoolean("window.maximised", false));
        }
        return new UserPreferences(
                keys.getEnum("theme", Theme.class, d.theme),
                keys.getBoolean("presentation", d.presentation),
                window,
                keys.getString("last_pane", d.lastPane));
    }
}
