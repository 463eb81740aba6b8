package org.beatwise.export;

import java.util.Locale;

/** The table formats an export can be written in. */
public enum TableFormat {
    GEOJSON("geojson"), CSV("csv");

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    /** The file name's ending, without the dot. */
    public String extension() {
        return extension;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
