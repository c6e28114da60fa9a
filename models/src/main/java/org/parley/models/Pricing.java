package org.parley.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a model costs, in any currency the user chooses (usually USD), per million tokens.
 *
 * @param inputPerMillion  price of one million prompt tokens
 * @param outputPerMillion price of one million completion tokens
 */
public record Pricing(
        @JsonProperty("input-per-million") double inputPerMillion,
        @JsonProperty("output-per-million") double outputPerMillion) {

    public static final Pricing FREE = new Pricing(0, 0);

    public Pricing {
        if (inputPerMillion < 0 || outputPerMillion < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000d;
    }
}
