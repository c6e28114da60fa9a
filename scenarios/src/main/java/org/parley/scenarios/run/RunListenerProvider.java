package org.parley.scenarios.run;

import org.parley.runtime.run.RunListener;

/**
 * Adds a listener to every {@code parley run} (the transcript recorder, a metrics exporter), found
 * with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.parley.scenarios.run.RunListenerProvider}.
 */
public interface RunListenerProvider {

    /** The listener for this run, or null to take no part in it. */
    RunListener create(PreparedRun run) throws java.io.IOException;
}
