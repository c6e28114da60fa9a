package org.parley.models;

/**
 * A model call that failed for good: retries exhausted, a non-retriable error, an open circuit or a
 * missing replay entry. The message names the model and never contains an API key.
 */
public class GatewayException extends RuntimeException {
    private final String model;
    private final FailureKind kind;
    private final int attempts;

    public GatewayException(String model, FailureKind kind, int attempts, String message) {
        super(message);
        this.model = model;
        this.kind = kind;
        this.attempts = attempts;
    }

    public String model() {
        return model;
    }

    public FailureKind kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }
}
