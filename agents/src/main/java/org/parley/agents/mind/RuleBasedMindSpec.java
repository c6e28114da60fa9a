package org.parley.agents.mind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mind: { kind: rule-based, policy: negotiator, params: {…} }} as scenario files write it.
 *
 * @param policy one of the environment's policies, or null for its default
 * @param params the policy's parameters, in the order written; the environment interprets them
 */
public record RuleBasedMindSpec(String policy, Map<String, Object> params) {

    public RuleBasedMindSpec {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
