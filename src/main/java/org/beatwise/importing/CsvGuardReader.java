package org.beatwise.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Sits between the decoder and commons-csv and follows the CSV quoting with a four-state machine, so
 * that two kinds of broken file fail early with a clear message instead of an obscure parser error or
 * an out-of-memory: a field longer than {@link #maxFieldChars} (usually a quote that never closes,
 * which would make the parser swallow the rest of a multi-gigabyte file into one string), and a quote
 * still open at the end of the file. It also caps the fields per record and the characters per record,
 * since a line of millions of commas would otherwise become millions of strings in one record. It mirrors commons-csv's default format: a quote opens a quoted
 * field only as the field's first character, and "" inside quotes is an escaped quote.
 */
final class CsvGuardReader extends Reader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3; // saw a quote inside quotes: closing, or first of ""

    /** Real exports have 17 (Boston) to about 40 fields a row; far more means a broken or hostile file. */
    static final int MAX_FIELDS = 500;
    /**
     * Real Boston rows are under 400 characters. Twice the longest field, so that one over-long field
     * is still reported as such (with its column) rather than as an over-long record.
     */
    static final int MAX_RECORD_CHARS = 2 << 20;

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
    private long recordStartLine = 1;
    private int recordChars;
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
            if (!inHeader && (state == UNQUOTED || state == QUOTED)) {
                // A run of ordinary characters inside a field changes only the two lengths: count it in one
                // go (this loop runs for every character of a file). Near a limit, fall through so that the
                // character-by-character path below reports it exactly where it happens.
                int j = i;
                char stop = state == UNQUOTED ? ',' : '"';
                while (j < end) {
                    char d = buf[j];
                    if (d == stop || d == '\n' || d == '\r') {
                        break;
                    }
                    j++;
                }
                int run = j - i;
                if (run > 0 && recordChars + run <= MAX_RECORD_CHARS && fieldLength + run <= maxFieldChars) {
                    recordChars += run;
                    fieldLength += run;
                    prevCr = false;
                    if (j == end) {
                        break;
                    }
                    i = j;
                }
            }
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
            if (state == FIELD_START && column == 1 && recordChars == 0) {
                recordStartLine = line;
            }
            if (++recordChars > MAX_RECORD_CHARS) {
                throw new ImportException(file, recordStartLine, null, "a record is longer than "
                        + (MAX_RECORD_CHARS >> 20) + " MB; is a quote missing its closing quote?");
            }
            switch (state) {
                case FIELD_START -> {
                    fieldLength = 0;
                    fieldStartLine = line;
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == ',') {
                        nextColumn();
                    } else if (eol) {
                        endRecord();
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
            nextColumn();
        } else if (eol) {
            state = FIELD_START;
            endRecord();
        } else {
            grow();
        }
    }

    private void nextColumn() {
        if (++column > MAX_FIELDS) {
            throw new ImportException(file, recordStartLine, null, "a row has more than " + MAX_FIELDS
                    + " fields; this does not look like an incident export");
        }
    }

    private void endRecord() {
        column = 1;
        recordChars = 0;
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
