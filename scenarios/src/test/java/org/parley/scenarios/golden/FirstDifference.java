package org.parley.scenarios.golden;

/**
 * Where two texts first differ, told so that a reader sees the change without opening either file:
 * the line number, and both lines cut to a window around the first differing character (transcript
 * lines run to thousands of characters, and the change may be anywhere in them).
 */
final class FirstDifference {
    /** Characters of a line shown at most. */
    static final int SHOWN = 300;
    /** Characters shown before the first differing one, so the change has some context. */
    private static final int BEFORE = 80;
    private static final String END = "<end of file>";

    private FirstDifference() {}

    /** The first difference of two texts that are not equal. */
    static String describe(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        int line = 0;
        while (line < want.length && line < got.length && want[line].equals(got[line])) {
            line++;
        }
        String a = lineAt(want, line);
        String b = lineAt(got, line);
        if (a == null && b == null) {
            return "the files differ only in the newline at their end";
        }
        int column = commonPrefix(a == null ? "" : a, b == null ? "" : b);
        return "first difference at line " + (line + 1) + (a != null && b != null ? ", column " + (column + 1) : "")
                + "\n    expected: " + shown(a, column)
                + "\n    actual:   " + shown(b, column);
    }

    /** Line {@code i}, or null past the last one (the empty piece after a final newline is no line). */
    private static String lineAt(String[] lines, int i) {
        if (i >= lines.length || (i == lines.length - 1 && lines[i].isEmpty())) {
            return null;
        }
        return lines[i];
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String shown(String line, int column) {
        if (line == null) {
            return END;
        }
        String visible = line.replace("\r", "\\r");
        if (visible.length() <= SHOWN) {
            return visible;
        }
        int start = Math.max(0, Math.min(column - BEFORE, visible.length() - SHOWN));
        int end = Math.min(visible.length(), start + SHOWN);
        return (start > 0 ? "…" : "") + visible.substring(start, end) + (end < visible.length() ? "…" : "");
    }
}
