package org.beatwise.task;

/** Thrown by core work that stopped because the user cancelled it; nothing it started is kept. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
