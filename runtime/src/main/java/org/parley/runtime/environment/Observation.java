package org.parley.runtime.environment;

import java.util.Map;

/**
 * What one agent perceives: a line of dialogue, a gesture, a tool result, a briefing.
 *
 * @param agent  the agent that observes it
 * @param turn   the turn in which it happened
 * @param source who caused it: an agent id, or {@link #ENVIRONMENT}
 * @param kind   the action kind that caused it, or an environment kind such as {@code briefing}
 * @param text   the words an LLM mind reads
 * @param data   structured content a rule-based mind reads; insertion-ordered
 */
public record Observation(String agent, long turn, String source, String kind, String text, Map<String, Object> data) {

    public static final String ENVIRONMENT = "environment";

    public Observation {
        text = text == null ? "" : text;
        data = OrderedData.copy(data);
    }

    /** The observation of an agent's action by another agent (or itself). */
    public static Observation of(String observer, long turn, Action action) {
        return new Observation(observer, turn, action.agent(), action.kind(), action.text(), action.args());
    }
}
