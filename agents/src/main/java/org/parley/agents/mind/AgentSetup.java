package org.parley.agents.mind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.EpisodeContext;

/**
 * One agent as a rule-based mind is built for it: who it is, what the scenario asks of its
 * behaviour, and its seed.
 *
 * @param id      the agent's id in the scenario
 * @param role    the environment role it plays
 * @param persona who it is
 * @param policy  the rule-based policy to use (environment-specific name; null for the default)
 * @param params  policy parameters from the scenario's {@code mind.params}, insertion-ordered
 * @param seed    the agent's seed
 */
public record AgentSetup(String id, String role, Persona persona, String policy, Map<String, Object> params, long seed) {

    public AgentSetup {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** This agent as an episode's context lists it: id, role, seed, and its persona as the profile. */
    public EpisodeContext.Participant participant() {
        return new EpisodeContext.Participant(id, role, seed, persona);
    }
}
