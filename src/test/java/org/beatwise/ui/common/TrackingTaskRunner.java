package org.beatwise.ui.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's {@link FxTaskRunner} that remembers every task it starts, so a UI test waits until the work
 * it set off (and any task that work started in turn) has ended, not for a guessed number of seconds:
 * a loaded machine makes a test slower, never wrong.
 */
public final class TrackingTaskRunner implements TaskRunner {

    /** Only a hung task reaches this; a slow machine passes well within it. */
    private static final long LIMIT_MINUTES = 10;

    private final FxTaskRunner fx = new FxTaskRunner();
    private final Set<TaskHandle> handles = ConcurrentHashMap.newKeySet();

    @Override
    public <T> TaskHandle run(BackgroundTask<T> task) {
        TaskHandle handle = fx.run(task);
        handles.add(handle);
        return handle;
    }

    @Override
    public void cancelAll() {
        fx.cancelAll();
    }

    /**
     * Waits until no task runs. Read on the FX thread, where a task's end and the callbacks that may
     * start the next one happen in one step, so the gap between two chained tasks is never seen as rest.
     */
    public void awaitIdle() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES,
                () -> WaitForAsyncUtils.asyncFx(this::idle).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True when every task started so far has ended; call on the FX thread. */
    public boolean idle() {
        return handles.stream().noneMatch(h -> h.runningProperty().get());
    }
}
