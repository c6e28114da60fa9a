package org.parley.models;

/** Replay mode met a request that was never recorded; names the cache key so it can be found. */
public final class ReplayMissException extends GatewayException {
    private final String key;

    public ReplayMissException(String model, String key, String cacheDir) {
        super(model, FailureKind.REPLAY_MISS, 0, "model '" + model + "': no recorded response for cache key " + key
                + " in " + cacheDir + "; the prompt differs from the recorded run. Record it first"
                + " (cache: record or auto) or run with the exact scenario and seed that were recorded");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
