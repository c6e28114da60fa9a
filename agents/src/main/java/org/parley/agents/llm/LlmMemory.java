package org.parley.agents.llm;

import java.util.List;
import org.parley.runtime.environment.Observation;

/**
 * What an LLM mind remembers of the episode, in the order it happened. The mind renders it into the
 * prompt each turn. {@link RecentWindow} keeps the last N items; richer memories (summaries,
 * retrieval) implement the same two methods.
 */
public interface LlmMemory {

    /** Adds something the agent observed or did (its own actions arrive as observations by itself). */
    void remember(Observation observation);

    /** What to show the model this turn, oldest first. */
    List<Observation> recall();
}
