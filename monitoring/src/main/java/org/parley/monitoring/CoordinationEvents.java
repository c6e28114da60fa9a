package org.parley.monitoring;

import java.util.Map;

/**
 * The event names environments emit so that coordination and barrier metrics count them. This is
 * the contract documented in docs/metrics.md; environments need no dependency on this module.
 */
public final class CoordinationEvents {
    private CoordinationEvents() {}

    public static final String COMMITMENT_MADE = "commitment-made";
    public static final String COMMITMENT_KEPT = "commitment-kept";
    public static final String COMMITMENT_BROKEN = "commitment-broken";
    public static final String MERGE_CONFLICT = "merge-conflict";
    public static final String CONFLICT = "conflict";
    public static final String REPAIR_ATTEMPT = "repair-attempt";
    /** Declares the episode's barrier type in its data, under {@code barrier} (or {@code type}). */
    public static final String COMMUNICATION_BARRIER = "communication-barrier";

    /** Episode score: 1 when the episode's joint goal was reached (≥ 0.5 counts as success). */
    public static final String SUCCESS_SCORE = "success";
    public static final String MUTUAL_UNDERSTANDING_SCORE = "mutual_understanding";
    public static final String UNRESOLVED_CONFUSION_SCORE = "unresolved_confusion";

    /** Barrier label of episodes that declare no barrier. */
    public static final String NO_BARRIER = "none";

    /** What an event type means for an episode's coordination figures. */
    enum Effect {
        NONE, COMMITMENT_MADE, COMMITMENT_KEPT, COMMITMENT_BROKEN, CONFLICT, REPAIR_ATTEMPT, DECLARES_BARRIER;

        static Effect of(String eventName) {
            return switch (eventName) {
                case CoordinationEvents.COMMITMENT_MADE -> COMMITMENT_MADE;
                case CoordinationEvents.COMMITMENT_KEPT -> COMMITMENT_KEPT;
                case CoordinationEvents.COMMITMENT_BROKEN -> COMMITMENT_BROKEN;
                case CoordinationEvents.MERGE_CONFLICT, CoordinationEvents.CONFLICT -> CONFLICT;
                case CoordinationEvents.REPAIR_ATTEMPT -> REPAIR_ATTEMPT;
                case CoordinationEvents.COMMUNICATION_BARRIER -> DECLARES_BARRIER;
                default -> NONE;
            };
        }
    }

    /**
     * The event name of a transcript entry of type {@code event}. Accepted shapes: the event's type
     * under {@code event}, {@code type} or {@code name} with its details beside it or under
     * {@code data}; or the whole event nested under {@code event} ({@code {type, agent, data}}).
     */
    static String eventName(Map<String, Object> data) {
        var event = data.get("event");
        if (event instanceof String s) {
            return s;
        }
        if (event instanceof Map<?, ?> nested && nested.get("type") instanceof String s) {
            return s;
        }
        if (data.get("type") instanceof String s) {
            return s;
        }
        if (data.get("name") instanceof String s) {
            return s;
        }
        return null;
    }

    /** A value of the event's details, looked up beside the name and under {@code data}. */
    static Object detail(Map<String, Object> data, String key) {
        if (data.get("data") instanceof Map<?, ?> nested && nested.get(key) != null) {
            return nested.get(key);
        }
        if (data.get("event") instanceof Map<?, ?> event) {
            if (event.get(key) != null) {
                return event.get(key);
            }
            if (event.get("data") instanceof Map<?, ?> nested && nested.get(key) != null) {
                return nested.get(key);
            }
        }
        return data.get(key);
    }
}
