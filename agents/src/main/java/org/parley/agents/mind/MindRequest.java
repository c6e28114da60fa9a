package org.parley.agents.mind;

import java.util.List;

/**
 * What a mind kind sees of the scenario when it prepares one agent's mind, besides the mind
 * block's bound parameters.
 *
 * @param agentId the agent
 * @param role    its role
 * @param pointer JSON pointer of the mind block in the scenario ({@code /agents/0/mind}), the base
 *                of the pointers problems are reported at
 * @param models  names of the scenario's {@code models:} entries, in declared order
 * @param report  where to report problems
 */
public record MindRequest(String agentId, String role, String pointer, List<String> models, Report report) {

    public MindRequest {
        models = List.copyOf(models);
    }

    /**
     * Reports a problem at a JSON pointer from the scenario root ({@code pointer() + "/policy"},
     * {@code /models/gpt}); {@code atKey} places it at the key rather than the value.
     */
    @FunctionalInterface
    public interface Report {
        void problem(String pointer, boolean atKey, String message, String hint);
    }
}
