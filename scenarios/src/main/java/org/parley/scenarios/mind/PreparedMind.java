package org.parley.scenarios.mind;

import org.parley.environments.spi.AgentSetup;
import org.parley.environments.spi.EpisodeSetup;
import org.parley.runtime.mind.Mind;
import org.parley.scenarios.model.BoundEnvironment;

/** An agent's mind configuration, checked once, that builds a fresh mind for every episode. */
public interface PreparedMind {

    /** Label for the manifest and results, e.g. {@code rule-based:negotiator}. */
    String describe();

    /** A new mind for one agent of one episode. Called on the episode's actor. */
    Mind create(BoundEnvironment environment, AgentSetup agent, EpisodeSetup episode);
}
