package org.parley.models;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What gateways share in one process.
 *
 * @param environment  reads environment variables (API keys); {@code System::getenv} outside tests
 * @param cacheDir     record/replay directory, or null when no model caches
 * @param cacheMode    mode for models that do not set their own
 * @param observer     where gateways report for metrics
 */
public record GatewayOptions(Function<String, String> environment, Path cacheDir, CacheMode cacheMode,
                             GatewayObserver observer) {

    public GatewayOptions {
        environment = environment == null ? System::getenv : environment;
        cacheMode = cacheMode == null ? CacheMode.OFF : cacheMode;
        observer = observer == null ? GatewayObserver.NONE : observer;
    }

    public static GatewayOptions defaults() {
        return new GatewayOptions(System::getenv, null, CacheMode.OFF, GatewayObserver.NONE);
    }

    public GatewayOptions withEnvironment(Function<String, String> env) {
        return new GatewayOptions(env, cacheDir, cacheMode, observer);
    }

    public GatewayOptions withCache(Path dir, CacheMode mode) {
        return new GatewayOptions(environment, dir, mode, observer);
    }

    public GatewayOptions withObserver(GatewayObserver o) {
        return new GatewayOptions(environment, cacheDir, cacheMode, o);
    }
}
