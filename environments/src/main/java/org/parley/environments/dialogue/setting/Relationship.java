package org.parley.environments.dialogue.setting;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the parties know each other before the episode (Sotopia's relationship field). Closeness
 * tunes rule-based behaviour: people confide in and give way to those close to them more readily.
 */
public enum Relationship {
    @JsonProperty("strangers") STRANGERS("strangers", 0.0),
    @JsonProperty("acquaintances") ACQUAINTANCES("acquaintances", 0.25),
    @JsonProperty("colleagues") COLLEAGUES("colleagues", 0.4),
    @JsonProperty("friends") FRIENDS("friends", 0.7),
    @JsonProperty("family") FAMILY("family", 0.85),
    @JsonProperty("romantic") ROMANTIC("romantic", 0.9);

    private final String label;
    private final double closeness;

    Relationship(String label, double closeness) {
        this.label = label;
        this.closeness = closeness;
    }

    /** The name scenario files use. */
    public String label() {
        return label;
    }

    /** 0 for strangers up to 0.9 for partners. */
    public double closeness() {
        return closeness;
    }
}
