package org.beatwise.testing;

import java.nio.file.Path;
import java.util.List;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.task.Progress;
import org.beatwise.wiring.Services;

/**
 * A station fixture for tests that need a trained crime-type model quickly: 4,000 rows of
 * {@link TestIncidents#crimeTypes(int)} (seed 42) written as a BPD-style CSV and imported through the
 * real importer as dataset {@value #NAME}.
 */
public final class CrimeDemo {

    public static final String NAME = "demo";
    static final int ROWS = 4000;

    private CrimeDemo() { }

    /** Writes the rows as {@code demo.csv} in {@code dir} for the importer. */
    public static Path csv(Path dir) {
        return TestIncidents.writeCsv(dir.resolve(NAME + ".csv"), TestIncidents.crimeTypes(ROWS));
    }

    /** Imports the rows through the real importer as dataset {@value #NAME}. */
    public static void importInto(Services services, Path workDir) {
        services.imports().importFiles("test", new ImportRequest(List.of(csv(workDir)), NAME, ImportOptions.defaults(), false),
                Progress.NONE);
    }
}
