package org.parley.environments.spi;

import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * A kind of social environment as scenario files name it ({@code environment.type: dialogue}).
 * Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.parley.environments.spi.EnvironmentType}.
 *
 * @param <P> the environment's parameters, a record bound by Jackson from the scenario's
 *            {@code environment.params} (after condition overrides), so unknown keys and wrong
 *            types are reported with file, line and column
 */
public interface EnvironmentType<P> {

    /** The name scenario files use. */
    String name();

    /** One line for {@code parley list}. */
    String summary();

    /** The record the parameters bind to. */
    Class<P> parametersType();

    /** Roles this environment knows; agents in a scenario must play one of them. */
    java.util.List<String> roles(P parameters);

    /**
     * Checks parameters beyond their types (ranges, cross-field rules). Returns problems as
     * {@code "field: what is wrong; how to fix"}; empty when fine.
     */
    default java.util.List<String> check(P parameters) {
        return java.util.List.of();
    }

    /**
     * A fresh environment for one episode. The context is the one {@link Environment#start} will
     * get: the episode's id, condition and seed, and its participants with their seeds and
     * profiles (read a participant's persona with {@link org.parley.agents.persona.Persona#of}).
     */
    Environment create(P parameters, EpisodeContext context);

    /** The rule-based mind for one agent: a behaviour model driven by its persona and state. */
    Mind ruleBasedMind(P parameters, AgentSetup agent, EpisodeContext context);
}
