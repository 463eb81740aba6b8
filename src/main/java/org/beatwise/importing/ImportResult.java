package org.beatwise.importing;

import java.util.List;

/**
 * What one import did.
 *
 * @param files       one report per file, in order
 * @param total       the files' reports added up
 * @param datasetRows incidents the dataset holds now
 */
public record ImportResult(String dataset, List<ImportReport> files, ImportReport total, long datasetRows) {
    public ImportResult {
        files = List.copyOf(files);
    }
}
