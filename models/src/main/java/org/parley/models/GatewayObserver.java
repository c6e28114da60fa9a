package org.parley.models;

import java.time.Duration;

/**
 * Where a gateway reports what it does, for metrics. The monitoring module implements it with
 * Micrometer; every method has an empty default so an implementation picks what it needs.
 * Calls come from gateway threads and must return quickly. Arguments carry bounded labels only
 * (model name, role, failure kind) and never an API key or message text.
 */
public interface GatewayObserver {

    /** A call was accepted and waits for a slot ({@code queued} callers are now waiting). */
    default void onQueued(String model, int queued) {}

    /** An attempt obtained a slot after waiting {@code waited} (queue plus rate limits). */
    default void onAttemptStart(String model, String role, Duration waited, int inFlight) {}

    /** A call succeeded. */
    default void onResponse(String model, String role, Duration latency, long inputTokens, long outputTokens, double cost) {}

    /** An attempt failed and will be retried after {@code delay}. */
    default void onRetry(String model, String role, FailureKind kind, int attempt, Duration delay) {}

    /** A call failed for good. */
    default void onFailure(String model, String role, FailureKind kind, int attempts) {}

    /** A call was answered from the record/replay cache. */
    default void onCacheHit(String model, String role) {}

    /** The circuit breaker changed state. */
    default void onCircuitChange(String model, CircuitState from, CircuitState to, int consecutiveFailures) {}

    GatewayObserver NONE = new GatewayObserver() {};
}
