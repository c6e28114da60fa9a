package org.parley.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * How the gateway retries transient failures (429, 5xx, timeouts, broken connections): exponential
 * backoff with full jitter, never shorter than the provider's Retry-After.
 *
 * @param maxAttempts    attempts per call including the first (1 disables retries)
 * @param initialBackoff ceiling of the first backoff
 * @param maxBackoff     ceiling of any backoff (Retry-After may ask for longer and is honoured)
 */
public record RetrySettings(
        @JsonProperty("max-attempts") Integer maxAttempts,
        @JsonProperty("initial-backoff") @JsonDeserialize(using = DurationText.Deserializer.class) Duration initialBackoff,
        @JsonProperty("max-backoff") @JsonDeserialize(using = DurationText.Deserializer.class) Duration maxBackoff) {

    public static final RetrySettings DEFAULT = new RetrySettings(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetrySettings {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoffs must not be negative");
        }
    }
}
