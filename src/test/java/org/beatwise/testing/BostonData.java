package org.beatwise.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.importing.DuplicateFilter;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.IncidentReader;
import org.beatwise.task.Progress;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real Boston exports live for tests ({@code ../shared/data/boston}, or the system
 * property {@code beatwise.boston}), and the Mattapan years as the importer reads them.
 */
public final class BostonData {

    private BostonData() { }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("beatwise.boston", "../shared/data/boston"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real Boston data not found at " + dir.toAbsolutePath());
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /**
     * Mattapan incidents of the given years (2015–2019), read and cleaned by the real importer (without a
     * database), duplicates dropped across the years as one dataset would: 2015–2018 gives 37,919.
     */
    public static List<Incident> mattapan(int... years) {
        List<Incident> all = new ArrayList<>();
        DuplicateFilter dupes = DuplicateFilter.empty();
        IncidentReader reader = new IncidentReader(ImportOptions.defaults());
        for (int year : years) {
            reader.read(file("mattapan_only_" + year + ".csv"), dupes, row -> all.add(row.incident()), Progress.NONE);
        }
        return all;
    }
}
