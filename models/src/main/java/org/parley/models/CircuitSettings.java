package org.parley.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * When the circuit breaker opens and for how long.
 *
 * @param failureThreshold consecutive failed attempts that open the circuit
 * @param openFor          how long calls fail fast before one probe call is let through
 */
public record CircuitSettings(
        @JsonProperty("failure-threshold") Integer failureThreshold,
        @JsonProperty("open-for") @JsonDeserialize(using = DurationText.Deserializer.class) Duration openFor) {

    public static final CircuitSettings DEFAULT = new CircuitSettings(10, Duration.ofSeconds(30));

    public CircuitSettings {
        failureThreshold = failureThreshold == null ? 10 : failureThreshold;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("circuit.failure-threshold must be at least 1, was " + failureThreshold);
        }
    }
}
