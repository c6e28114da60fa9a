package org.parley.scenarios.llm;

import java.nio.file.Path;
import java.util.function.Function;
import org.parley.models.CacheMode;
import org.parley.models.GatewayObserver;

/**
 * How a run talks to its models, as the command line chooses it.
 *
 * @param cacheMode   record/replay mode for every model ({@code --llm-cache}); null keeps each model's
 *                    {@code cache:} (default {@code off})
 * @param cacheDir    the record/replay directory ({@code --llm-cache-dir}); null for {@code <run>/llm-cache}
 * @param environment where API keys are read ({@code System::getenv} outside tests)
 * @param observer    where gateways report for metrics
 */
public record ModelOptions(CacheMode cacheMode, Path cacheDir, Function<String, String> environment,
        GatewayObserver observer) {

    /** The folder inside a run folder that holds its recordings by default. */
    public static final String RUN_CACHE = "llm-cache";

    public ModelOptions {
        environment = environment == null ? System::getenv : environment;
        observer = observer == null ? GatewayObserver.NONE : observer;
    }

    public static ModelOptions defaults() {
        return new ModelOptions(null, null, System::getenv, GatewayObserver.NONE);
    }

    public ModelOptions withCache(CacheMode mode, Path dir) {
        return new ModelOptions(mode, dir, environment, observer);
    }

    public ModelOptions withEnvironment(Function<String, String> env) {
        return new ModelOptions(cacheMode, cacheDir, env, observer);
    }

    public ModelOptions withObserver(GatewayObserver o) {
        return new ModelOptions(cacheMode, cacheDir, environment, o);
    }

    /** The cache folder of a run in {@code runDir}. */
    public Path cacheDirFor(Path runDir) {
        return cacheDir != null ? cacheDir : runDir.resolve(RUN_CACHE);
    }
}
