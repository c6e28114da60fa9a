package org.parley.scenarios.llm;

import java.time.Duration;
import org.parley.models.CircuitState;
import org.parley.models.FailureKind;
import org.parley.models.GatewayObserver;
import org.parley.monitoring.LlmMetrics;

/**
 * Feeds what the gateways report into the monitoring module's LLM meters (requests, tokens,
 * latency, retries, errors by cause, queue, in flight, circuit state, cost), labelled by the model's
 * name in the scenario. Pass it as {@link ModelOptions#withObserver} when metrics are on.
 */
public final class GatewayMetrics implements GatewayObserver {
    private final LlmMetrics metrics;

    public GatewayMetrics(LlmMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onQueued(String model, int queued) {
        metrics.model(model).enqueued();
    }

    @Override
    public void onAttemptStart(String model, String role, Duration waited, int inFlight) {
        var m = metrics.model(model);
        m.dequeued();
        m.requestStarted();
    }

    @Override
    public void onResponse(String model, String role, Duration latency, long inputTokens, long outputTokens, double cost) {
        metrics.model(model).requestSucceeded(latency, inputTokens, outputTokens, cost);
    }

    @Override
    public void onRetry(String model, String role, FailureKind kind, int attempt, Duration delay) {
        var m = metrics.model(model);
        m.requestFailed(Duration.ZERO, cause(kind));
        m.retried();
    }

    @Override
    public void onFailure(String model, String role, FailureKind kind, int attempts) {
        var m = metrics.model(model);
        if (kind == FailureKind.CIRCUIT_OPEN) {
            // left the queue but never reached the provider
            m.dequeued();
            m.error(cause(kind));
        } else if (kind == FailureKind.REPLAY_MISS) {
            // answered (or not) by the cache alone
            m.error(cause(kind));
        } else {
            m.requestFailed(Duration.ZERO, cause(kind));
        }
    }

    @Override
    public void onCacheHit(String model, String role) {
        metrics.model(model);
    }

    @Override
    public void onCircuitChange(String model, CircuitState from, CircuitState to, int consecutiveFailures) {
        metrics.model(model).circuit(switch (to) {
            case CLOSED -> LlmMetrics.CircuitState.CLOSED;
            case HALF_OPEN -> LlmMetrics.CircuitState.HALF_OPEN;
            case OPEN -> LlmMetrics.CircuitState.OPEN;
        });
    }

    static LlmMetrics.ErrorCause cause(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> LlmMetrics.ErrorCause.RATE_LIMITED;
            case SERVER_ERROR -> LlmMetrics.ErrorCause.SERVER_ERROR;
            case TIMEOUT -> LlmMetrics.ErrorCause.TIMEOUT;
            case CONNECTION -> LlmMetrics.ErrorCause.NETWORK;
            case REJECTED -> LlmMetrics.ErrorCause.CLIENT_ERROR;
            case CIRCUIT_OPEN -> LlmMetrics.ErrorCause.CIRCUIT_OPEN;
            case REPLAY_MISS, OTHER -> LlmMetrics.ErrorCause.OTHER;
        };
    }
}
