package org.parley.environments.dialogue.policy;

import java.util.List;
import java.util.Map;

/**
 * A policy's parameters from the scenario's {@code mind.params}, checked against the keys the
 * policy knows so that a typo fails with the place and the fix instead of being ignored.
 */
final class PolicyOptions {
    private final String policy;
    private final String agent;
    private final Map<String, Object> values;

    PolicyOptions(String policy, String agent, Map<String, Object> values, List<String> known) {
        this.policy = policy;
        this.agent = agent;
        this.values = values == null ? Map.of() : values;
        for (String key : this.values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("agents." + agent + ".mind.params." + key
                        + ": unknown parameter of dialogue policy '" + policy + "'; known: " + known);
            }
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    double number(String key, double fallback, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(place(key) + ": must be a number, was '" + v + "'");
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(place(key) + ": must be between " + min + " and " + max + ", was " + d);
        }
        return d;
    }

    String text(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    private String place(String key) {
        return "agents." + agent + ".mind.params." + key + " (policy " + policy + ")";
    }
}
