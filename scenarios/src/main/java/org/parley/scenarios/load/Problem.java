package org.parley.scenarios.load;

import org.parley.scenarios.model.SourceLocation;

/**
 * One thing wrong with a scenario: where, what, and how to fix it.
 *
 * @param where   the place in a file (or the command line)
 * @param message what is wrong, naming the key
 * @param hint    how to fix it, or null
 */
public record Problem(SourceLocation where, String message, String hint) implements Comparable<Problem> {

    /** {@code file:line:column: message (hint)} on one line, as editors and CI annotate. */
    @Override
    public String toString() {
        return where + ": " + message + (hint == null || hint.isBlank() ? "" : " (" + hint + ")");
    }

    @Override
    public int compareTo(Problem o) {
        int c = where.compareTo(o.where);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
