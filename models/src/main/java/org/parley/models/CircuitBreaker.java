package org.parley.models;

import java.util.function.LongSupplier;

/**
 * Stops calling a provider that keeps failing. Consecutive failed attempts open the circuit; after
 * the open period one probe is let through (half-open); its success closes the circuit, its failure
 * opens it again. State changes are reported to the observer.
 */
final class CircuitBreaker {
    private final String model;
    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;
    private final GatewayObserver observer;
    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;
    private long opens;

    CircuitBreaker(String model, CircuitSettings settings, LongSupplier clock, GatewayObserver observer) {
        this.model = model;
        this.threshold = settings.failureThreshold();
        this.openNanos = settings.openFor().toNanos();
        this.clock = clock;
        this.observer = observer;
    }

    /** Whether an attempt may go ahead now. A granted half-open probe must be followed by a result. */
    synchronized boolean tryPass() {
        if (state == CircuitState.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            move(CircuitState.HALF_OPEN);
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probeInFlight) {
                    yield false;
                }
                probeInFlight = true;
                yield true;
            }
        };
    }

    /** The provider answered (even with a request error: it is up). */
    synchronized void onSuccess() {
        consecutiveFailures = 0;
        probeInFlight = false;
        if (state != CircuitState.CLOSED) {
            move(CircuitState.CLOSED);
        }
    }

    /** An attempt failed in a way that says the provider is unhealthy (429, 5xx, timeout, connection). */
    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == CircuitState.HALF_OPEN) {
            probeInFlight = false;
            open();
        } else if (state == CircuitState.CLOSED && consecutiveFailures >= threshold) {
            open();
        }
    }

    /** A granted attempt ended without telling anything about the provider (e.g. interrupted). */
    synchronized void onAbandoned() {
        probeInFlight = false;
    }

    synchronized CircuitState state() {
        return state;
    }

    synchronized long opens() {
        return opens;
    }

    /** Nanoseconds until a probe may pass, 0 when not open. */
    synchronized long remainingOpenNanos() {
        return state == CircuitState.OPEN ? Math.max(0, openNanos - (clock.getAsLong() - openedAt)) : 0;
    }

    private void open() {
        openedAt = clock.getAsLong();
        opens++;
        move(CircuitState.OPEN);
    }

    private void move(CircuitState next) {
        CircuitState previous = state;
        state = next;
        observer.onCircuitChange(model, previous, next, consecutiveFailures);
    }
}
