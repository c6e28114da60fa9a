package org.parley.environments.judge;

import org.parley.agents.llm.PromptTemplate;

/**
 * How a judge asks.
 *
 * @param maxRepairs  re-asks after an unusable evaluation (missing scores, no JSON)
 * @param prompt      the prompt template ({@code rubric}, {@code description}, {@code agents},
 *                    {@code transcript}, {@code dimensions}, {@code shape}); null for the bundled one
 * @param temperature sampling temperature for judging (0 by default: judging should be stable)
 * @param maxTokens   completion cap, or null for the model's
 */
public record JudgeSettings(int maxRepairs, PromptTemplate prompt, Double temperature, Integer maxTokens) {

    public static final JudgeSettings DEFAULT = new JudgeSettings(2, null, 0.0, null);

    public JudgeSettings {
        if (maxRepairs < 0) {
            throw new IllegalArgumentException("judge max-repairs must be >= 0, was " + maxRepairs);
        }
    }

    public JudgeSettings withPromptText(String text) {
        return new JudgeSettings(maxRepairs, new PromptTemplate("judge", text), temperature, maxTokens);
    }
}
