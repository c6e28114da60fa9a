package org.parley.models;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a faulty metrics observer from failing model calls: its exceptions are logged, not thrown. */
final class GuardedObserver implements GatewayObserver {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedObserver.class);
    private final GatewayObserver delegate;

    private GuardedObserver(GatewayObserver delegate) {
        this.delegate = delegate;
    }

    static GatewayObserver of(GatewayObserver observer) {
        return observer == GatewayObserver.NONE || observer instanceof GuardedObserver ? observer : new GuardedObserver(observer);
    }

    private void guard(String callback, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("gateway observer failed in {}: {}", callback, e.toString());
        }
    }

    @Override
    public void onQueued(String model, int queued) {
        guard("onQueued", () -> delegate.onQueued(model, queued));
    }

    @Override
    public void onAttemptStart(String model, String role, Duration waited, int inFlight) {
        guard("onAttemptStart", () -> delegate.onAttemptStart(model, role, waited, inFlight));
    }

    @Override
    public void onResponse(String model, String role, Duration latency, long inputTokens, long outputTokens, double cost) {
        guard("onResponse", () -> delegate.onResponse(model, role, latency, inputTokens, outputTokens, cost));
    }

    @Override
    public void onRetry(String model, String role, FailureKind kind, int attempt, Duration delay) {
        guard("onRetry", () -> delegate.onRetry(model, role, kind, attempt, delay));
    }

    @Override
    public void onFailure(String model, String role, FailureKind kind, int attempts) {
        guard("onFailure", () -> delegate.onFailure(model, role, kind, attempts));
    }

    @Override
    public void onCacheHit(String model, String role) {
        guard("onCacheHit", () -> delegate.onCacheHit(model, role));
    }

    @Override
    public void onCircuitChange(String model, CircuitState from, CircuitState to, int consecutiveFailures) {
        guard("onCircuitChange", () -> delegate.onCircuitChange(model, from, to, consecutiveFailures));
    }
}
