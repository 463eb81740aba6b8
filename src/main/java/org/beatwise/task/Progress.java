package org.beatwise.task;

/**
 * How long-running core work reports progress and learns it should stop. The UI wraps one of these
 * around a JavaFX task; the CLI prints to stderr. Core code never knows which.
 */
public interface Progress {

    /** Reports {@code done} of {@code total} units of work (total may be -1 when unknown). */
    void update(long done, long total, String message);

    /** True once the user asked to stop; work should call {@link #checkCancelled()} at safe points. */
    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * This progress seen as one step of a longer job: the step's 0–100 % is reported as
     * {@code from}–{@code to} of the whole (fractions), and cancel still reaches the step.
     */
    default Progress slice(double from, double to) {
        Progress whole = this;
        return new Progress() {
            @Override
            public void update(long done, long total, String message) {
                long scaled = total > 0 ? Math.round(1000 * (from + (to - from) * done / (double) total)) : -1;
                whole.update(scaled, total > 0 ? 1000 : -1, message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }

    /** Progress that goes nowhere and is never cancelled: for tests and nested work. */
    Progress NONE = new Progress() {
        @Override public void update(long done, long total, String message) { }
        @Override public boolean isCancelled() { return false; }
    };
}
