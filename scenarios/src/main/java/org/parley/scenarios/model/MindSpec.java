package org.parley.scenarios.model;

import org.parley.agents.mind.MindKind;
import org.parley.agents.mind.PreparedMind;

/**
 * An agent's {@code mind} block after its kind has checked it.
 *
 * @param kind       the mind kind ({@code rule-based}, …)
 * @param parameters the block bound to the kind's {@link MindKind#parametersType()}
 * @param prepared   what builds the mind per episode
 */
public record MindSpec(String kind, Object parameters, PreparedMind prepared) {

    /** Label for the manifest and results: {@code rule-based:negotiator}. */
    public String describe() {
        return prepared.describe();
    }
}
