package org.beatwise.hotspot;

import org.beatwise.task.Progress;

/**
 * One way of turning past incidents into hotspot areas, as Tribuo's Trainer turns a dataset into a
 * model: the backtest, the service and the bench call {@link #fit} without knowing how it works, and
 * score the {@link Layer} it returns on incidents it never saw.
 */
public interface HotspotMethod {

    /** Which method this is. */
    MethodChoice choice();

    /** The setting that distinguishes variants of one method ("bandwidth 50 m"), or "" when there is one. */
    default String variant() {
        return "";
    }

    /**
     * Areas from the training incidents, ranked best first (so a prefix is a smaller plan).
     * Implementations check {@link Progress#checkCancelled()} in long loops.
     */
    Layer fit(TrainingSet training, Progress progress);
}
