package org.parley.scenarios.model;

import org.parley.agents.persona.Persona;

/**
 * One agent as the scenario declares it.
 *
 * @param id          unique id (transcripts, overrides {@code agents.<id>.…})
 * @param role        a role of the environment type
 * @param personaName the key under {@code personas}
 * @param persona     the persona it refers to
 * @param mind        how it decides
 */
public record AgentSpec(String id, String role, String personaName, Persona persona, MindSpec mind) {}
