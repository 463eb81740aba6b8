package org.beatwise.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import org.beatwise.task.CancelledException;
import org.beatwise.task.Progress;

/**
 * Long work described once and handed to a {@link TaskRunner}: the work itself (it reports through
 * {@link Progress} and checks for cancel) and what to do with its outcome. The callbacks always run on
 * the UI thread (or the test's thread with {@link SameThreadTaskRunner}).
 */
public final class BackgroundTask<T> {

    /** The work; it may throw, and should call {@link Progress#checkCancelled()} at safe points. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = action;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    /** Runs after success, failure or cancel. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    /** Adds work to run after every other callback (the {@link TaskTracker} resets its state here). */
    BackgroundTask<T> andFinally(Runnable action) {
        Runnable before = onFinished;
        onFinished = () -> {
            try {
                before.run();
            } finally {
                action.run();
            }
        };
        return this;
    }

    public String title() {
        return title;
    }

    T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            if (error instanceof CancelledException) {
                onCancelled.run();
            } else {
                onFailure.accept(error);
            }
        } finally {
            onFinished.run();
        }
    }
}
