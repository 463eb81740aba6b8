package org.beatwise.ui.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.beatwise.task.Progress;

/**
 * Runs tasks on low-priority daemon threads and brings progress and outcome back to the JavaFX thread.
 * Progress updates are coalesced so a chatty task cannot flood the UI thread. Failures are logged
 * so that none vanish, then handed to the task's failure callback.
 */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "beatwise-task-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Set<TaskHandle> running = ConcurrentHashMap.newKeySet();

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle();
        running.add(handle);
        handle.update(-1, task.title());
        executor.execute(() -> {
            AtomicBoolean updatePending = new AtomicBoolean();
            Progress progress = new Progress() {
                private volatile double fraction = -1;
                private volatile String message = task.title();

                @Override
                public void update(long done, long total, String msg) {
                    fraction = total > 0 ? (double) done / total : -1;
                    message = msg;
                    if (updatePending.compareAndSet(false, true)) {
                        Platform.runLater(() -> {
                            updatePending.set(false);
                            handle.update(fraction, message);
                        });
                    }
                }

                @Override
                public boolean isCancelled() {
                    return handle.isCancelRequested();
                }
            };
            try {
                T result = task.call(progress);
                Platform.runLater(() -> finish(handle, () -> task.succeeded(result)));
            } catch (Throwable e) {
                if (!(e instanceof org.beatwise.task.CancelledException)) {
                    LOG.log(Level.WARNING, "task '" + task.title() + "' failed", e);
                }
                Platform.runLater(() -> finish(handle, () -> task.failed(e)));
            }
        });
        return handle;
    }

    private void finish(TaskHandle handle, Runnable outcome) {
        running.remove(handle);
        handle.finished();
        outcome.run();
    }

    @Override
    public void cancelAll() {
        running.forEach(TaskHandle::cancel);
    }
}
