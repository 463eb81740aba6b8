package org.beatwise.ui.common;

import org.beatwise.task.Progress;

/** Runs a task at once on the calling thread: view-model tests use it to avoid timing and the FX thread. */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                handle.update(total > 0 ? (double) done / total : -1, message);
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelRequested();
            }
        };
        T result;
        try {
            result = task.call(progress);
        } catch (Throwable e) {
            handle.finished();
            task.failed(e);
            return handle;
        }
        handle.finished();
        task.succeeded(result);
        return handle;
    }

    @Override
    public void cancelAll() {
        // nothing runs after run() returns
    }
}
