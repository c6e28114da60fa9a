package org.parley.runtime.environment;

import java.util.ArrayList;
import java.util.List;

/**
 * The environment's answer to a start or an action.
 *
 * @param observations who observes what, in delivery order
 * @param events       facts for the transcript and the metrics (a deal struck, a merge conflict)
 * @param endReason    {@code null} while the episode goes on; otherwise why it ended
 */
public record Step(List<Observation> observations, List<Event> events, String endReason) {

    public Step {
        observations = List.copyOf(observations);
        events = List.copyOf(events);
    }

    public static Step of(Observation... observations) {
        return new Step(List.of(observations), List.of(), null);
    }

    public boolean isDone() {
        return endReason != null;
    }

    public Step ending(String reason) {
        return new Step(observations, events, reason);
    }

    public Step with(Event event) {
        var all = new ArrayList<>(events);
        all.add(event);
        return new Step(observations, all, endReason);
    }

    /** Collects observations and events while an environment works out one step. */
    public static final class Builder {
        private final List<Observation> observations = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private String endReason;

        public Builder observe(Observation observation) {
            observations.add(observation);
            return this;
        }

        public Builder event(Event event) {
            events.add(event);
            return this;
        }

        public Builder end(String reason) {
            this.endReason = reason;
            return this;
        }

        public Step build() {
            return new Step(observations, events, endReason);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
