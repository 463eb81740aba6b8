package org.beatwise.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Sits between the decoder and commons-csv and follows the CSV quoting with a four-state machine, so
 * that two kinds of broken file fail early with a clear message instead of an obscure parser error or
 * an out-of-memory: a field longer than {@link #maxFieldChars} (usually a quote that never closes,
 * which would make the parser swallow the rest of a multi-gigabyte file into one string), and a quote
 * still open at the end of the file. It mirrors commons-csv's default format: a quote opens a quoted
 * field only as the field's first character, and "" inside quotes is an escaped quote.
 */
final class CsvGuardReader extends Reader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3; // saw a quote inside quotes: closing, or first of ""

    private final Reader in;
    private final String file;
    private final int maxFieldChars;
    private List<String> headers; // parsed from headerText on the first error that needs a column name
    /** Raw text of the header record, kept to name columns in messages even before the parser reads it. */
    private final StringBuilder headerText = new StringBuilder();
    private boolean inHeader = true;

    private int state = FIELD_START;
    private int fieldLength;
    private int column = 1;          // 1-based field index within the record
    private long line = 1;
    private long fieldStartLine = 1;
    private boolean prevCr;
    private long charsRead;

    CsvGuardReader(Reader in, String file, int maxFieldChars) {
        this.in = in;
        this.file = file;
        this.maxFieldChars = maxFieldChars;
    }

    long charsRead() {
        return charsRead;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n < 0) {
            if (state == QUOTED) {
                throw new ImportException(file, fieldStartLine, columnName(),
                        "unterminated quote: the quoted field that starts here is never closed before the end of the file");
            }
            return n;
        }
        charsRead += n;
        int end = off + n;
        for (int i = off; i < end; i++) {
            char c = buf[i];
            boolean eol = c == '\n' || c == '\r';
            if (inHeader) {
                if (eol && state != QUOTED) {
                    inHeader = headerText.length() == 0; // blank lines before the header do not end it
                } else if (headerText.length() < 65_536) {
                    headerText.append(c);
                }
            }
            if (eol) {
                if (c == '\r' || !prevCr) {
                    line++;
                }
                prevCr = c == '\r';
            } else {
                prevCr = false;
            }
            switch (state) {
                case FIELD_START -> {
                    fieldLength = 0;
                    fieldStartLine = line;
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == ',') {
                        column++;
                    } else if (eol) {
                        column = 1;
                    } else {
                        state = UNQUOTED;
                        fieldLength = 1;
                    }
                }
                case UNQUOTED -> endOrGrow(c, eol);
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        grow();
                    }
                }
                default -> { // QUOTE_IN_QUOTED
                    if (c == '"') {
                        state = QUOTED;
                        grow();
                    } else {
                        state = UNQUOTED;
                        endOrGrow(c, eol);
                    }
                }
            }
        }
        return n;
    }

    private void endOrGrow(char c, boolean eol) {
        if (c == ',') {
            state = FIELD_START;
            column++;
        } else if (eol) {
            state = FIELD_START;
            column = 1;
        } else {
            grow();
        }
    }

    private void grow() {
        if (++fieldLength > maxFieldChars) {
            throw new ImportException(file, fieldStartLine, columnName(), "a field is longer than "
                    + (maxFieldChars >= (1 << 20) ? (maxFieldChars >> 20) + " MB" : maxFieldChars + " characters")
                    + "; is a quote missing its closing quote?");
        }
    }

    private String columnName() {
        if (headers == null && !inHeader) {
            try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(headerText.toString()))) {
                headers = p.getRecords().get(0).toList();
            } catch (IOException | RuntimeException e) {
                headers = List.of();
            }
        }
        if (headers != null && column <= headers.size() && !headers.get(column - 1).isBlank()) {
            return column + " (" + ColumnMapping.normalizeHeader(headers.get(column - 1)) + ")";
        }
        return Integer.toString(column);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
