package org.beatwise.importing;

import java.nio.file.Path;
import java.util.List;

/**
 * One import: files into a dataset. Validated like a settings record.
 *
 * @param files     one or more CSV files, imported in this order, all or none
 * @param dataset   dataset name (1–200 characters); created when new, added to when it exists
 * @param options   mapping, date pattern, encoding, study area
 * @param synthetic true for generated data: the dataset is marked synthetic
 */
public record ImportRequest(List<Path> files, String dataset, ImportOptions options, boolean synthetic) {

    public static final int MAX_NAME = 200;

    public ImportRequest {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one file");
        }
        files = List.copyOf(files);
        dataset = checkName(dataset);
        if (options == null) {
            options = ImportOptions.defaults();
        }
    }

    /** The dataset name to use when none is given: the first file's name without extension. */
    public static String defaultName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
        String t = name.trim();
        if (t.length() > MAX_NAME) {
            throw new IllegalArgumentException("dataset name must be at most " + MAX_NAME + " characters, was " + t.length());
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.isISOControl(t.charAt(i))) {
                throw new IllegalArgumentException("dataset name must not contain control characters, was '" + t + "'");
            }
        }
        return t;
    }
}
