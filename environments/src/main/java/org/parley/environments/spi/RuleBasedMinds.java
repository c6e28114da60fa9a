package org.parley.environments.spi;

import org.parley.agents.mind.AgentSetup;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * What an {@link EnvironmentType} also implements when its agents can play without a language
 * model: the environment's behaviour models, driven by persona and state with seeded randomness.
 * They are what {@code mind: { kind: rule-based, policy: …, params: … }} (and an agent without a
 * {@code mind}) gets. A type without them is fine for LLM-only settings; the loader then reports
 * any agent that would need a rule-based mind.
 *
 * @param <P> the environment type's parameters
 */
public interface RuleBasedMinds<P> {

    /**
     * The rule-based mind for one agent of one episode.
     *
     * @param agent   the agent: id, role, persona, the scenario's {@code policy} (null for the
     *                default) and {@code params}, and its seed
     * @param context the episode, the same context the environment gets
     * @throws IllegalArgumentException for an unknown policy or a bad parameter, saying which and
     *                                  how to fix it
     */
    Mind ruleBasedMind(P parameters, AgentSetup agent, EpisodeContext context);
}
