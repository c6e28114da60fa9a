package org.parley.runtime.environment;

import java.util.Map;

/**
 * One thing an agent does: speak, a non-verbal gesture, a physical action, a tool call, leave, or
 * nothing.
 *
 * @param agent      who acts
 * @param kind       one of {@link ActionKinds} or the name of a tool the environment offers
 * @param text       what is said or done, in words
 * @param to         addressee for directed messages, or {@code null} for everyone who can hear
 * @param args       structured arguments (tool parameters, an offer amount); insertion-ordered
 * @param waitMillis under the {@code free} protocol: wait up to this long for a reply from
 *                   {@code to} before deciding again; 0 means do not wait
 * @param producedBy which mind produced it: {@code rule-based:<policy>} or {@code llm:<model>}
 */
public record Action(
        String agent, String kind, String text, String to, Map<String, Object> args, long waitMillis,
        String producedBy) {

    public Action {
        text = text == null ? "" : text;
        args = OrderedData.copy(args);
        if (waitMillis < 0) {
            throw new IllegalArgumentException("waitMillis must be >= 0, was " + waitMillis);
        }
    }

    public static Action speak(String agent, String text) {
        return new Action(agent, ActionKinds.SPEAK, text, null, Map.of(), 0, null);
    }

    public static Action none(String agent) {
        return new Action(agent, ActionKinds.NONE, "", null, Map.of(), 0, null);
    }

    public static Action leave(String agent, String text) {
        return new Action(agent, ActionKinds.LEAVE, text, null, Map.of(), 0, null);
    }

    public static Action of(String agent, String kind, String text) {
        return new Action(agent, kind, text, null, Map.of(), 0, null);
    }

    public Action withArgs(Map<String, Object> newArgs) {
        return new Action(agent, kind, text, to, newArgs, waitMillis, producedBy);
    }

    public Action addressedTo(String recipient) {
        return new Action(agent, kind, text, recipient, args, waitMillis, producedBy);
    }

    public Action waitingForReply(long millis) {
        return new Action(agent, kind, text, to, args, millis, producedBy);
    }

    public Action producedBy(String mind) {
        return new Action(agent, kind, text, to, args, waitMillis, mind);
    }

    public boolean is(String actionKind) {
        return kind.equals(actionKind);
    }
}
