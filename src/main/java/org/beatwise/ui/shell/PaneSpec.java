package org.beatwise.ui.shell;

import java.util.function.Function;
import javafx.scene.Node;

/**
 * One entry of the navigation. The pane is built when the user first opens it, so start-up does not
 * pay for panes nobody looks at.
 */
public record PaneSpec(String id, String title, boolean adminOnly, Function<PaneContext, Node> factory) { }
