package org.beatwise.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Another program has the data home's database open. The message is the one line a person needs:
 * which data home, who holds it if known, and what to do.
 */
public final class DataHomeInUseException extends RuntimeException {

    private final transient Path home;

    public DataHomeInUseException(Path home, Optional<String> holder) {
        super("the data home " + home.toAbsolutePath() + " is in use by another Beatwise program"
                + holder.map(h -> " (" + h + ")").orElse("")
                + ": close that program (an older Beatwise cannot share a data home) or use another --home");
        this.home = home;
    }

    public Path home() {
        return home;
    }
}
