package org.parley.scenarios.mind;

import java.util.List;
import java.util.function.Function;
import org.parley.environments.spi.AgentSetup;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.models.ModelGateway;
import org.parley.runtime.mind.Mind;

/** An agent's mind configuration, checked once, that builds a fresh mind for every episode. */
public interface PreparedMind {

    /** Label for the manifest and results, e.g. {@code rule-based:negotiator}. */
    String describe();

    /** A new mind for one agent of one episode. Called on the episode's actor. */
    Mind create(EnvironmentMinds environment, AgentSetup agent, EpisodeContext episode);

    /**
     * A new mind for one agent of one episode, with the run's models (gateways by model name).
     * Minds that call no model ignore them.
     */
    default Mind create(EnvironmentMinds environment, AgentSetup agent, EpisodeContext episode,
            Function<String, ? extends ModelGateway> models) {
        return create(environment, agent, episode);
    }

    /** Names of the models (under {@code models:}) this mind calls, in order; empty for offline minds. */
    default List<String> models() {
        return List.of();
    }
}
