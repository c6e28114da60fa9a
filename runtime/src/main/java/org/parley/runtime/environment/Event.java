package org.parley.runtime.environment;

import java.util.Map;

/**
 * A fact an environment reports for the transcript and the metrics.
 *
 * @param type  short kebab-case name, e.g. {@code deal}, {@code merge-conflict}
 * @param agent the agent it concerns, or {@code null}
 * @param data  details; insertion-ordered so transcripts are stable
 */
public record Event(String type, String agent, Map<String, Object> data) {

    public Event {
        data = OrderedData.copy(data);
    }

    public static Event of(String type, String agent) {
        return new Event(type, agent, Map.of());
    }
}
