package org.beatwise.hotspot;

import java.time.LocalDateTime;

/**
 * One backtest window: every method was fitted on the incidents before {@code from} and judged on
 * those in [{@code from}, {@code to}).
 *
 * @param lastTrainingIncident the latest incident any method saw while fitting for this window
 */
public record TestWindow(LocalDateTime from, LocalDateTime to, int trainCount, int testCount,
                         LocalDateTime lastTrainingIncident) { }
