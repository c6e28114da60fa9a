package org.parley.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.parley.runtime.kernel.KernelConfig;
import org.parley.runtime.kernel.RunSupervisor;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Entry point of the kernel: runs a plan and reports when every episode has finished.
 *
 * <p>{@link #start(RunPlan, RunListener)} brings up its own actor system named {@code parley}
 * (configured from {@code application.conf} over Parley's quiet defaults and the libraries'
 * {@code reference.conf}) and terminates it at the end. {@link #start(ActorSystem, RunPlan, RunListener)}
 * and {@link #spawn(ActorContext, RunPlan, RunListener)} host the run inside an existing system
 * or actor instead and leave it running.
 */
public final class Simulation {
    private static final AtomicLong RUNS = new AtomicLong();

    private Simulation() {}

    /**
     * Starts the run on a fresh actor system; the stage completes with the run's totals when every
     * episode has finished and the system has stopped.
     */
    public static CompletionStage<RunReport> start(RunPlan plan, RunListener listener) {
        var report = new CompletableFuture<RunReport>();
        ActorSystem<RunSupervisor.Command> system =
                ActorSystem.create(RunSupervisor.create(plan, listener, report), "parley", KernelConfig.load());
        return system.getWhenTerminated().thenCompose(done -> report.isDone()
                ? report
                : CompletableFuture.failedFuture(new IllegalStateException(
                        "the actor system stopped before run " + plan.runId() + " finished")));
    }

    /**
     * Starts the run inside an existing actor system (as a system actor). The system keeps running
     * afterwards; the stage completes when every episode has finished.
     */
    public static CompletionStage<RunReport> start(ActorSystem<?> system, RunPlan plan, RunListener listener) {
        var report = new CompletableFuture<RunReport>();
        system.systemActorOf(RunSupervisor.create(plan, listener, report), actorName(), Props.empty());
        return report;
    }

    /**
     * Starts the run as a child of an embedder's actor. Call it from that actor's message handling
     * (actor contexts are not thread-safe). The stage completes when every episode has finished.
     */
    public static CompletionStage<RunReport> spawn(ActorContext<?> context, RunPlan plan, RunListener listener) {
        var report = new CompletableFuture<RunReport>();
        context.spawn(RunSupervisor.create(plan, listener, report), actorName());
        return report;
    }

    /** Runs the plan to the end on a fresh actor system and returns its totals. */
    public static RunReport run(RunPlan plan, RunListener listener) {
        return start(plan, listener).toCompletableFuture().join();
    }

    private static String actorName() {
        return "parley-run-" + RUNS.incrementAndGet();
    }
}
