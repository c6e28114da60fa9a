package org.parley.scenarios.mind;

import org.parley.environments.spi.AgentSetup;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/** Where a rule-based mind comes from: the environment type of the agent's scenario (its behaviour model). */
@FunctionalInterface
public interface RuleBasedMinds {

    /** The rule-based mind of one agent of one episode. */
    Mind create(AgentSetup agent, EpisodeContext episode);
}
