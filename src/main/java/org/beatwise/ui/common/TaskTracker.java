package org.beatwise.ui.common;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The long work of one pane: whether it runs, its progress and message for a bar and a label, and
 * cancel. A view-model starts its tasks through one tracker and binds its enablement to
 * {@link #runningProperty()}.
 */
public final class TaskTracker {

    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskHandle current;

    public TaskTracker(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    /** Starts the task; its own callbacks run first, then the tracker shows it has finished. */
    public <T> void start(BackgroundTask<T> task) {
        running.set(true);
        task.andFinally(() -> {
            running.set(false);
            progress.unbind();
            message.unbind();
            message.set("");
            current = null;
        });
        TaskHandle handle = runner.run(task);
        if (handle.runningProperty().get()) {
            current = handle;
            progress.bind(handle.progressProperty());
            message.bind(handle.messageProperty());
        }
    }

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
