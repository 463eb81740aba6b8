package org.beatwise.ui.common;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * Asks the main window to open another pane ("alerts"), fired from anywhere inside a pane; the shell
 * handles it. A pane thus links to another without knowing the shell.
 */
public final class OpenPaneEvent extends Event {

    public static final EventType<OpenPaneEvent> OPEN_PANE = new EventType<>(Event.ANY, "OPEN_PANE");

    private final String paneId;

    public OpenPaneEvent(String paneId) {
        super(OPEN_PANE);
        this.paneId = paneId;
    }

    public String paneId() {
        return paneId;
    }
}
