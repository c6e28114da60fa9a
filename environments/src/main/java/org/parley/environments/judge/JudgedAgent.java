package org.parley.environments.judge;

import org.parley.agents.persona.Persona;

/**
 * An agent as the judge is told about it.
 *
 * @param id      the agent's id (scores are keyed by it)
 * @param role    its role in the environment
 * @param persona who it plays, or null
 * @param goal    its private goal for the episode, or null (the judge sees all goals)
 */
public record JudgedAgent(String id, String role, Persona persona, String goal) {

    public JudgedAgent {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a judged agent needs an id");
        }
    }
}
