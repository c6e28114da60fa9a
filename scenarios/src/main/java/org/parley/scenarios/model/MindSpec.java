package org.parley.scenarios.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.scenarios.mind.PreparedMind;

/**
 * An agent's {@code mind} block after its kind has checked it.
 *
 * @param kind     the mind kind ({@code rule-based}, …)
 * @param policy   the {@code policy} key, or null
 * @param params   the {@code params} mapping, insertion-ordered
 * @param prepared what builds the mind per episode
 */
public record MindSpec(String kind, String policy, Map<String, Object> params, PreparedMind prepared) {

    public MindSpec {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Label for the manifest and results: {@code rule-based:negotiator}. */
    public String describe() {
        return prepared.describe();
    }
}
