package org.parley.runtime.kernel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Entry point of the kernel: runs a plan's episodes, resolving each with the resolver, streams
 * their events to the sinks, and reports when every episode has finished and every sink is done.
 *
 * <p>{@link #run} and {@link #start(RunPlan, EpisodeResolver, List)} bring up their own actor system
 * named {@code parley} (configured from {@code application.conf} over Parley's quiet defaults and
 * the libraries' {@code reference.conf}) and terminate it at the end.
 * {@link #start(ActorSystem, RunPlan, EpisodeResolver, List)} and {@link #spawn} host the run inside
 * an existing system or actor instead and leave it running.
 */
public final class Simulation {
    private static final AtomicLong RUNS = new AtomicLong();

    private Simulation() {}

    /**
     * Runs the plan to the end on a fresh actor system and returns its totals.
     *
     * @throws IllegalStateException when a sink failed (the message names it and the cause)
     */
    public static RunReport run(RunPlan plan, EpisodeResolver resolver, List<? extends EventSink> sinks) {
        try {
            return start(plan, resolver, sinks).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** As {@link #run(RunPlan, EpisodeResolver, List)}, with the sinks in the order given. */
    public static RunReport run(RunPlan plan, EpisodeResolver resolver, EventSink... sinks) {
        return run(plan, resolver, List.of(sinks));
    }

    /**
     * Starts the run on a fresh actor system; the stage completes with the run's totals when every
     * episode has finished and the system has stopped.
     */
    public static CompletionStage<RunReport> start(RunPlan plan, EpisodeResolver resolver, List<? extends EventSink> sinks) {
        var report = new CompletableFuture<RunReport>();
        var system = ActorSystem.create(RunSupervisor.create(plan, resolver, List.copyOf(sinks), report), "parley",
                KernelConfig.load());
        return system.getWhenTerminated().thenCompose(done -> report.isDone()
                ? report
                : CompletableFuture.failedFuture(new IllegalStateException(
                        "the actor system stopped before run " + plan.runId() + " finished")));
    }

    /**
     * Starts the run inside an existing actor system (as a system actor). The system keeps running
     * afterwards; the stage completes when every episode has finished.
     */
    public static CompletionStage<RunReport> start(ActorSystem<?> system, RunPlan plan, EpisodeResolver resolver,
            List<? extends EventSink> sinks) {
        var report = new CompletableFuture<RunReport>();
        system.systemActorOf(RunSupervisor.create(plan, resolver, List.copyOf(sinks), report), actorName(), Props.empty());
        return report;
    }

    /**
     * Starts the run as a child of an embedder's actor. Call it from that actor's message handling
     * (actor contexts are not thread-safe). The stage completes when every episode has finished.
     */
    public static CompletionStage<RunReport> spawn(ActorContext<?> context, RunPlan plan, EpisodeResolver resolver,
            List<? extends EventSink> sinks) {
        var report = new CompletableFuture<RunReport>();
        context.spawn(RunSupervisor.create(plan, resolver, List.copyOf(sinks), report), actorName());
        return report;
    }

    private static String actorName() {
        return "parley-run-" + RUNS.incrementAndGet();
    }
}
