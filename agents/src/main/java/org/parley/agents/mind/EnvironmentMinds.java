package org.parley.agents.mind;

import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * The rule-based minds of an agent's environment, with the condition's parameters bound: where a
 * {@code kind: rule-based} mind comes from. The scenario loader provides it; the environment
 * module's types supply the behaviour models behind it.
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
