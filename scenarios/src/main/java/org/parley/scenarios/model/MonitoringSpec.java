package org.parley.scenarios.model;

import java.time.Duration;

/**
 * The {@code monitoring} block: the Prometheus endpoint of a run. Each part is null when the file
 * does not set it, so command-line flags and defaults can fill in what the file leaves open.
 *
 * @param enabled serve metrics (null: the default, on)
 * @param port    port on 127.0.0.1; 0 picks a free one (null: the default port)
 * @param linger  how long to keep serving after the run ends (null: not at all)
 */
public record MonitoringSpec(Boolean enabled, Integer port, Duration linger) {

    public static MonitoringSpec defaults() {
        return new MonitoringSpec(null, null, null);
    }
}
