package org.parley.runtime.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * Configuration of the actor system the kernel creates for a run. Layers, highest first: system
 * properties, the application's {@code application.conf}, Parley's defaults
 * ({@code org/parley/runtime/kernel/parley-system.conf}: quiet logging through SLF4J, no
 * dead-letter chatter), then every library's {@code reference.conf}. Parley's defaults are a
 * separate layer because two {@code reference.conf} files setting the same key (Pekko's and ours)
 * would be merged in classpath order, which nobody controls.
 */
public final class KernelConfig {
    static final String DEFAULTS = "org/parley/runtime/kernel/parley-system.conf";

    private KernelConfig() {}

    public static Config load() {
        ClassLoader loader = KernelConfig.class.getClassLoader();
        return ConfigFactory.defaultOverrides(loader)
                .withFallback(ConfigFactory.defaultApplication(loader))
                .withFallback(ConfigFactory.parseResources(loader, DEFAULTS))
                .withFallback(ConfigFactory.defaultReference(loader))
                .resolve();
    }
}
