package org.beatwise.ui.common;

/** Runs background tasks; the desktop uses {@link FxTaskRunner}, view-model tests {@link SameThreadTaskRunner}. */
public interface TaskRunner {

    /** Starts the task and returns its handle (progress, message, cancel). */
    <T> TaskHandle run(BackgroundTask<T> task);

    /** Cancels everything still running; called when the app closes or the user signs out. */
    void cancelAll();
}
