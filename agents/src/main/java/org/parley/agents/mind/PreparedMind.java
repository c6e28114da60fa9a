package org.parley.agents.mind;

import java.util.List;
import java.util.function.Function;
import org.parley.models.ModelGateway;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/** An agent's mind configuration, checked once, that builds a fresh mind for every episode. */
public interface PreparedMind {

    /** Label for the manifest and results, e.g. {@code rule-based:negotiator}. */
    String describe();

    /**
     * A new mind for one agent of one episode. Called on the episode's actor.
     *
     * @param agent       the agent as the episode's context lists it (its seed is the agent's seed,
     *                    its profile its persona)
     * @param episode     the episode
     * @param environment the environment's rule-based minds
     * @param models      the run's model gateways by model name, or null when the run has none
     */
    Mind create(EpisodeContext.Participant agent, EpisodeContext episode, EnvironmentMinds environment,
            Function<String, ? extends ModelGateway> models);

    /** Names of the models (under {@code models:}) this mind calls, in order; empty for offline minds. */
    default List<String> models() {
        return List.of();
    }
}
