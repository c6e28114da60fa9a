package org.parley.models;

/** Why an attempt failed, and whether trying again can help. */
public enum FailureKind {
    RATE_LIMITED(true),
    SERVER_ERROR(true),
    TIMEOUT(true),
    CONNECTION(true),
    /** 4xx other than 408/429, malformed request, authentication: retrying will not help. */
    REJECTED(false),
    CIRCUIT_OPEN(false),
    REPLAY_MISS(false),
    /** Anything else (an unparseable response, a bug): not retried. */
    OTHER(false);

    private final boolean retriable;

    FailureKind(boolean retriable) {
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
