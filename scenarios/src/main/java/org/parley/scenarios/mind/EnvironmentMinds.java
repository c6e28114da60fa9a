package org.parley.scenarios.mind;

import org.parley.environments.spi.AgentSetup;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * The rule-based minds of an agent's environment, with the condition's parameters bound: where a
 * {@code kind: rule-based} mind comes from.
 */
@FunctionalInterface
public interface EnvironmentMinds {

    /**
     * The rule-based mind of one agent of one episode.
     *
     * @throws IllegalStateException when the environment type has no rule-based minds (the loader
     *                               reports such agents, so a loaded scenario never asks)
     */
    Mind ruleBasedMind(AgentSetup agent, EpisodeContext episode);
}
