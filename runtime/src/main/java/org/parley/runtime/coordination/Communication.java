package org.parley.runtime.coordination;

import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;

/**
 * Which actions count as communication. Environments name their own tools, so besides
 * {@code speak} and {@code non-verbal} any tool whose kind contains {@code message}
 * ({@code send_message}, {@code message}) is a message. docs/metrics.md states the same rule.
 */
public final class Communication {
    private Communication() {}

    /** A message: something said or signalled to other agents. */
    public static boolean isMessage(String kind) {
        return ActionKinds.SPEAK.equals(kind) || ActionKinds.NON_VERBAL.equals(kind) || kind.contains("message");
    }

    /** An action that spends the agent's turn on something ({@code none} does not). */
    public static boolean isEffort(String kind) {
        return !ActionKinds.NONE.equals(kind);
    }

    /** A kind that can carry a question: {@code speak} or a tool whose kind contains {@code message}. */
    public static boolean isVerbal(String kind) {
        return ActionKinds.SPEAK.equals(kind) || kind.contains("message");
    }

    /**
     * Whether a verbal action is a question: marked with the argument {@code question: true}, or its
     * text ends with '?' (ignoring trailing whitespace, quotes and closing brackets).
     */
    public static boolean asks(Action action) {
        var flag = action.args().get("question");
        if (flag instanceof Boolean b) {
            return b;
        }
        if (flag instanceof String s) {
            return Boolean.parseBoolean(s);
        }
        var text = action.text();
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\u201d' || c == ')') {
                continue;
            }
            return c == '?';
        }
        return false;
    }
}
