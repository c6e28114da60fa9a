package org.parley.runtime;

import java.util.concurrent.CompletionStage;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Entry point of the kernel: runs a plan on a fresh actor system and reports when every episode
 * has finished. The kernel implementation replaces these bodies.
 */
public final class Simulation {
    private Simulation() {}

    /** Starts the run; the stage completes when every episode has finished and the system stopped. */
    public static CompletionStage<RunReport> start(RunPlan plan, RunListener listener) {
        throw new IllegalStateException("kernel not built yet");
    }

    /** Runs the plan to the end on the calling thread's behalf. */
    public static RunReport run(RunPlan plan, RunListener listener) {
        return start(plan, listener).toCompletableFuture().join();
    }
}
