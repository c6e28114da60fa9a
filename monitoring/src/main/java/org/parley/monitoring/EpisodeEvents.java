package org.parley.monitoring;

import java.util.Map;

/**
 * The coordination events of one episode: commitments, conflicts, repair attempts and the barrier
 * it declared. Made on the episode's first such event, so the many episodes without any keep
 * these counts out of their tally (see {@link EpisodeTally} on why its size matters).
 */
final class EpisodeEvents {
    /** The counts of an episode that had none of these events. */
    static final EpisodeEvents NONE = new EpisodeEvents();

    int commitmentsMade;
    int commitmentsKept;
    int commitmentsBroken;
    int conflicts;
    int repairAttempts;
    String barrier;

    void count(CoordinationEvents.Effect effect, Map<String, Object> data) {
        switch (effect) {
            case COMMITMENT_MADE -> commitmentsMade++;
            case COMMITMENT_KEPT -> commitmentsKept++;
            case COMMITMENT_BROKEN -> commitmentsBroken++;
            case CONFLICT -> conflicts++;
            case REPAIR_ATTEMPT -> repairAttempts++;
            case DECLARES_BARRIER -> {
                var type = CoordinationEvents.detail(data, "barrier");
                if (type == null && data.get("data") instanceof Map<?, ?> nested) {
                    type = nested.get("type");
                }
                if (type != null) {
                    barrier = type.toString();
                }
            }
            case NONE -> { }
        }
    }

    String barrierOrNone() {
        return barrier == null ? CoordinationEvents.NO_BARRIER : barrier;
    }
}
