package org.beatwise.importing;

/**
 * A file that cannot be imported at all (as opposed to single bad rows, which are dropped and
 * counted). The message names the file and, where it applies, the line and column, and says what
 * to do. Unchecked so that it can leave a {@link java.io.Reader} and a row consumer untouched.
 */
public class ImportException extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;

    /** @param line 1-based line, or 0 when it does not apply; @param column header or number, or null */
    public ImportException(String file, long line, String column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public ImportException(String file, String problem) {
        this(file, 0, null, problem);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    private static String format(String file, long line, String column, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(", line ").append(line);
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        return b.append(": ").append(problem).toString();
    }
}
