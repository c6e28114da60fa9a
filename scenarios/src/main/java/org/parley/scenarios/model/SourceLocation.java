package org.parley.scenarios.model;

/**
 * Where a value came from: a file position, or a command-line override (line 0).
 *
 * @param source a file path as the user gave it, or a description such as {@code --set limits.max-turns=3}
 * @param line   1-based line, or 0 when the source has no lines
 * @param column 1-based column, or 0
 */
public record SourceLocation(String source, int line, int column) implements Comparable<SourceLocation> {

    public static SourceLocation of(String source) {
        return new SourceLocation(source, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = source.compareTo(o.source);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
