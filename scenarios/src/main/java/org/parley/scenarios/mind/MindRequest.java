package org.parley.scenarios.mind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a mind kind sees when it checks one agent's {@code mind} block.
 *
 * @param agentId  the agent
 * @param role     its role
 * @param pointer  JSON pointer of the mind block in the scenario ({@code /agents/0/mind})
 * @param mind     the {@code mind} mapping (after overrides)
 * @param scenario the whole resolved scenario tree (e.g. for a {@code models} section)
 * @param report   where to report problems
 */
public record MindRequest(String agentId, String role, String pointer, JsonNode mind, JsonNode scenario, Report report) {

    /**
     * Reports a problem at a JSON pointer from the scenario root ({@code pointer() + "/policy"},
     * {@code /models/gpt}); {@code atKey} places it at the key rather than the value.
     */
    @FunctionalInterface
    public interface Report {
        void problem(String pointer, boolean atKey, String message, String hint);
    }
}
