package org.beatwise.task;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Waiting for work handed to another thread, with its failures turned into the caller's: the one place
 * that unwraps an {@link ExecutionException}. Everywhere the same: an interrupted wait is a cancel, a
 * runtime exception or error of the work is thrown as it is, and only a checked failure is translated
 * into what the caller speaks (a message naming the file, an SQLException, …).
 */
public final class Futures {

    private static final long CANCEL_CHECK_MS = 100;

    private Futures() { }

    /** The work's result; a checked failure becomes an IllegalStateException that starts with {@code failed}. */
    public static <T> T join(Future<T> work, String failed) {
        return join(work, cause -> new IllegalStateException(failed + ": " + cause.getMessage(), cause));
    }

    /** The work's result; a checked failure is thrown as {@code failure} translates it. */
    public static <T, X extends Exception> T join(Future<T> work, Function<Throwable, X> failure) throws X {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause(), failure);
        }
    }

    /**
     * As {@link #join(Future, Function)}, and a cancel asked for on {@code progress} while waiting ends
     * the wait with a {@link CancelledException} (the work itself is left to notice the same cancel).
     */
    public static <T, X extends Exception> T join(Future<T> work, Progress progress, Function<Throwable, X> failure)
            throws X {
        while (true) {
            progress.checkCancelled();
            try {
                return work.get(CANCEL_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not done yet: look at the cancel again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause(), failure);
            }
        }
    }

    private static <X extends Exception> X rethrow(Throwable cause, Function<Throwable, X> failure) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return failure.apply(cause);
    }
}
