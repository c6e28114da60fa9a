package org.parley.runtime.mind;

import java.util.concurrent.CompletionStage;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;

/**
 * How one agent decides. LLM minds and rule-based minds implement the same interface, so every
 * scenario runs with either and can mix them.
 *
 * <p>The runtime calls a mind from its agent's actor, one call at a time, so implementations keep
 * ordinary mutable state (memory, beliefs, affect). {@link #decide} must not block: a mind that
 * waits for I/O returns an incomplete stage.
 */
public interface Mind {

    /** Takes in something the agent observed; updates memory and inner state. */
    void perceive(Observation observation);

    /** Chooses the agent's next action for this turn. */
    CompletionStage<Action> decide(Turn turn);

    /** Label for transcripts and reports: {@code rule-based:<policy>} or {@code llm:<model>}. */
    String describe();

    /** Releases what the mind holds when its episode ends. */
    default void close() {}
}
