package org.beatwise.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beatwise.importing.SpreadsheetCells;

/**
 * Writes rows of named figures as RFC 4180 CSV (comma, double quotes, CRLF), one column per key. Text
 * that a spreadsheet would run as a formula is neutralised the same way the dataset export does it;
 * numbers are written plainly so a spreadsheet still reads a longitude of -71.08 as a number.
 */
final class CsvTable implements AutoCloseable {

    private final List<String> keys;
    private final CSVPrinter out;
    private int rows;

    CsvTable(OutputStream stream, List<String> keys) throws IOException {
        this.keys = List.copyOf(keys);
        Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.out = CSVFormat.RFC4180.builder().setHeader(keys.toArray(String[]::new)).get().print(w);
    }

    void row(Map<String, ?> values) throws IOException {
        for (String key : keys) {
            out.print(cell(values.get(key)));
        }
        out.println();
        rows++;
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return SpreadsheetCells.protect(String.valueOf(v));
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        // flush only: the caller owns the stream and closes it after the whole file is written
        out.flush();
    }
}
