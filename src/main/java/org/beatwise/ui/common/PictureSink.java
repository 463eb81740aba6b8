package org.beatwise.ui.common;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the app's pictures go once made: the export service, which checks the file, writes it whole
 * and audits it. A pane's charts find the sink through {@link PngSaver#provide}, so no view needs the
 * services.
 */
@FunctionalInterface
public interface PictureSink {

    /**
     * Saves the PNG in the background; {@code done} gets a line for the user, success or failure.
     *
     * @param what what the picture shows ("elbow chart"), for the audit log
     */
    void save(String what, byte[] png, Path file, Consumer<String> done);
}
