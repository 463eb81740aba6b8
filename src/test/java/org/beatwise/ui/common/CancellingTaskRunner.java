package org.beatwise.ui.common;

import org.beatwise.task.Progress;

/**
 * Runs a task on the calling thread as {@link SameThreadTaskRunner} does, but reports "cancelled" once
 * the task has made {@code updates} progress reports: a user pressing Cancel mid-way, without threads.
 */
public final class CancellingTaskRunner implements TaskRunner {

    private final int updates;

    public CancellingTaskRunner(int updates) {
        this.updates = updates;
    }

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle();
        Progress progress = new Progress() {
            private int seen;

            @Override
            public void update(long done, long total, String message) {
                handle.update(total > 0 ? (double) done / total : -1, message);
                if (++seen >= updates) {
                    handle.cancel();
                }
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelRequested();
            }
        };
        try {
            T result = task.call(progress);
            handle.finished();
            task.succeeded(result);
        } catch (Throwable e) {
            handle.finished();
            task.failed(e);
        }
        return handle;
    }

    @Override
    public void cancelAll() {
    }
}
