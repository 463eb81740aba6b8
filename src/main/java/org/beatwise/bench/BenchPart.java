package org.beatwise.bench;

import java.util.Map;
import org.beatwise.task.Progress;

/** One group of figures of the {@code bench} command (import, model, hotspots …). */
public interface BenchPart {

    /** Adds this part's figures (snake_case keys, numbers) to {@code figures}. */
    void measure(BenchOptions options, Progress progress, Map<String, Object> figures) throws Exception;
}
