package org.beatwise.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds every task it is given until the test runs them with {@link #runAll()}: a test sees that a
 * slow call was handed to the runner (and so left the UI thread) instead of running at once.
 */
public final class RecordingTaskRunner implements TaskRunner {

    private final List<BackgroundTask<?>> pending = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        pending.add(task);
        titles.add(task.title());
        return new TaskHandle();
    }

    /** Titles of every task handed over so far, in order. */
    public List<String> titles() {
        return List.copyOf(titles);
    }

    public int pending() {
        return pending.size();
    }

    /** Runs the waiting tasks on this thread, with their callbacks, as the UI thread would receive them. */
    public void runAll() {
        while (!pending.isEmpty()) {
            runner.run(pending.remove(0));
        }
    }

    @Override
    public void cancelAll() {
    }
}
