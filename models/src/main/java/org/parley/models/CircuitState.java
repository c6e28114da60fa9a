package org.parley.models;

/** States of a model's circuit breaker. */
public enum CircuitState {
    /** Calls flow. */
    CLOSED,
    /** The provider failed repeatedly; calls fail fast until the open period ends. */
    OPEN,
    /** One probe call is let through; its result closes or reopens the circuit. */
    HALF_OPEN
}
