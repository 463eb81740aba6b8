package org.beatwise.task;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with its failures turned into the caller's. */
public final class Futures {

    private Futures() { }

    /**
     * The work's result. An interrupted wait is a cancel; a runtime exception of the work is thrown as
     * it is, any other failure as an IllegalStateException that starts with {@code failed}.
     */
    public static <T> T join(Future<T> work, String failed) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(failed + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
