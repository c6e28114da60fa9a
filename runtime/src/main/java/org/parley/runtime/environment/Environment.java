package org.parley.runtime.environment;

/**
 * A social setting as a plain state machine: no actors, no threads, no clocks.
 *
 * <p>The runtime hosts each instance in one actor and calls it from one thread at a time, so an
 * implementation keeps ordinary mutable fields. Everything random must come from the seed in the
 * {@link EpisodeContext}; that is what makes a rule-based run replay byte for byte.
 */
public interface Environment {

    /** Begins the episode and returns the first observations (briefings, opening state). */
    Step start(EpisodeContext context);

    /** The actions an agent may take now; minds validate their choice against it. */
    ActionSpace actionSpace(String agent);

    /** Applies one action of one agent and says who observes what as a result. */
    Step act(Action action);

    /**
     * The runtime ended the episode for a reason of its own (turn cap, staleness, a failed agent).
     * Returns final events for the transcript; the default has none.
     */
    default Step end(String reason) {
        return Step.of();
    }

    /** Named scores once the episode is over, per agent and for the whole episode. */
    Outcome outcome();
}
