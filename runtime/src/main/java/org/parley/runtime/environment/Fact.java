package org.parley.runtime.environment;

import java.util.Map;

/**
 * An environment-specific fact for the transcript and the {@code parley_events_total} metric:
 * {@code deal}, {@code move-proposed}, {@code tests-run}. Coordination that Parley counts (questions,
 * commitments, conflicts, repairs, barriers, joint success) is reported with the typed
 * {@link Coordination} events instead.
 *
 * @param type  short kebab-case name
 * @param agent the agent it concerns, or {@code null}
 * @param data  details; insertion-ordered so transcripts are stable
 */
public record Fact(String type, String agent, Map<String, Object> data) implements Event {

    public Fact {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a fact needs a type, e.g. \"deal\"");
        }
        data = OrderedData.copy(data);
    }

    public static Fact of(String type, String agent) {
        return new Fact(type, agent, Map.of());
    }
}
