package org.parley.scenarios.model;

import org.parley.runtime.run.RunPlan;

/**
 * The {@code output} block.
 *
 * @param dir        folder (relative to the working directory) under which run folders are made
 * @param timestamps logical (reproducible) or wall-clock transcript timestamps
 */
public record OutputSpec(String dir, RunPlan.Timestamps timestamps) {

    public static OutputSpec defaults() {
        return new OutputSpec("runs", RunPlan.Timestamps.LOGICAL);
    }
}
