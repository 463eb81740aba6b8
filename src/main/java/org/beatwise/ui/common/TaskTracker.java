package org.beatwise.ui.common;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one way a view-model runs slow work: whether it runs, its progress and message for a bar and a
 * label, and cancel. A view-model starts all of its tasks through one tracker and binds its enablement
 * to {@link #runningProperty()}; nothing that may take long (a service call that reads or writes the
 * store, bcrypt, a model file) runs on the UI thread.
 */
public final class TaskTracker {

    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    // A pane may start a second task before the first ends (choosing a model while a hotspot set loads):
    // the tracker runs until the last one ends, and the bar follows the newest.
    private int active;
    private TaskHandle current;

    public TaskTracker(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    /** Starts the task; its own callbacks run first, then the tracker shows it has finished. */
    public <T> void start(BackgroundTask<T> task) {
        active++;
        running.set(true);
        TaskHandle[] mine = new TaskHandle[1];
        task.andFinally(() -> {
            active--;
            if (current == null || current == mine[0]) {
                progress.unbind();
                message.unbind();
                message.set("");
                current = null;
            }
            running.set(active > 0);
        });
        TaskHandle handle = runner.run(task);
        if (handle.runningProperty().get()) {
            mine[0] = handle;
            current = handle;
            progress.bind(handle.progressProperty());
            message.bind(handle.messageProperty());
        }
    }

    /** Asks the newest task to stop at its next safe point. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
