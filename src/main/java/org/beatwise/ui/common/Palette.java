package org.beatwise.ui.common;

import javafx.scene.paint.Color;

/**
 * Colours for what must be painted from code (a heat map's shade computed per cell). Everything else
 * takes its colour from beatwise.css; these mirror its looked-up colours and change together with them.
 */
public final class Palette {

    /** The heat map's darkest shade: a blue that reads on both themes (the cells' text colours are in beatwise.css). */
    public static final Color ACCENT = Color.web("#1f5fa8");

    private Palette() { }
}
