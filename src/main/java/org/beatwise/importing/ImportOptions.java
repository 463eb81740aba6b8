package org.beatwise.importing;

import java.nio.charset.Charset;

/**
 * How to read one import. Every part is optional.
 *
 * @param mapping     column mapping; null detects the BPD schema or well-known header names
 * @param datePattern java.time pattern overriding the mapping's; null for the mapping's or the known formats
 * @param encoding    forced character set; null detects (BOM, UTF-8, else a single-byte fallback)
 * @param bbox        study area; rows outside are dropped; null keeps all valid coordinates
 */
public record ImportOptions(ColumnMapping mapping, String datePattern, Charset encoding, BoundingBox bbox) {

    public ImportOptions {
        if (datePattern != null && datePattern.isBlank()) {
            datePattern = null;
        }
        if (datePattern != null) {
            DateParser.of(datePattern); // fail now, naming the pattern, not on the first row
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null);
    }

    public ImportOptions withMapping(ColumnMapping m) {
        return new ImportOptions(m, datePattern, encoding, bbox);
    }

    public ImportOptions withDatePattern(String p) {
        return new ImportOptions(mapping, p, encoding, bbox);
    }

    public ImportOptions withEncoding(Charset cs) {
        return new ImportOptions(mapping, datePattern, cs, bbox);
    }

    public ImportOptions withBbox(BoundingBox b) {
        return new ImportOptions(mapping, datePattern, encoding, b);
    }
}
