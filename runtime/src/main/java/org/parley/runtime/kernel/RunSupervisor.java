package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Runs the episodes of a plan with at most {@code parallelism} alive at once, starting the next
 * one as soon as an episode actor has stopped. An episode that crashes is counted as failed and
 * the run carries on. When the last episode has stopped the supervisor completes the report and
 * stops itself.
 */
public final class RunSupervisor extends AbstractBehavior<RunSupervisor.Command> {

    /** Messages the run supervisor understands. */
    public sealed interface Command extends KernelMessage {}

    /** An episode finished; its actor stops right after sending this. */
    public record EpisodeFinished(int slot, EpisodeResult result, long actions) implements Command {}

    private final RunPlan plan;
    private final RunListener listener;
    private final CompletableFuture<RunReport> report;
    private final long startedNanos = System.nanoTime();
    private final Map<ActorRef<?>, Integer> alive = new HashMap<>();
    private final Map<Integer, Long> startedAt = new HashMap<>();
    private final java.util.BitSet reported = new java.util.BitSet();
    private int nextEpisode;
    private int completed;
    private int failed;
    private long actions;

    private RunSupervisor(ActorContext<Command> context, RunPlan plan, RunListener listener,
            CompletableFuture<RunReport> report) {
        super(context);
        this.plan = plan;
        this.listener = listener;
        this.report = report;
    }

    /**
     * @param report completed with the run's totals once every episode has stopped (or failed
     *               with the exception if the listener's {@code runStarted}/{@code runFinished} threw)
     */
    public static Behavior<Command> create(RunPlan plan, RunListener listener, CompletableFuture<RunReport> report) {
        return Behaviors.setup(ctx -> new RunSupervisor(ctx, plan, listener, report).begin());
    }

    private Behavior<Command> begin() {
        try {
            listener.runStarted(plan);
        } catch (RuntimeException e) {
            report.completeExceptionally(e);
            return Behaviors.stopped();
        }
        fill();
        return alive.isEmpty() ? finishRun() : this;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(EpisodeFinished.class, this::onFinished)
                .onSignal(Terminated.class, this::onEpisodeStopped)
                .build();
    }

    private Behavior<Command> onFinished(EpisodeFinished f) {
        if (!reported.get(f.slot())) {
            reported.set(f.slot());
            count(f.result(), f.actions());
        }
        return this;
    }

    private Behavior<Command> onEpisodeStopped(Terminated signal) {
        Integer slot = alive.remove(signal.getRef());
        if (slot == null) {
            return this;
        }
        Long started = startedAt.remove(slot);
        if (!reported.get(slot)) {
            // The episode actor died without reporting: it crashed outside its own guard (for
            // example a listener threw while the failure was being recorded).
            reported.set(slot);
            String cause = signal instanceof ChildFailed cf ? EpisodeActor.describe(cf.getCause()) : "stopped";
            EpisodePlan episode = plan.episodes().get(slot);
            var infos = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
            episode.agents().forEach(a -> infos.put(a.id(), new EpisodeResult.AgentInfo(a.role(), "unavailable")));
            var result = new EpisodeResult(episode.id(), episode.condition(), episode.index(), episode.seed(),
                    EpisodeResult.Status.FAILED, "failed: episode actor crashed: " + cause, 0, Outcome.empty(), infos);
            count(result, 0);
            try {
                listener.episodeFinished(result, Duration.ofNanos(System.nanoTime() - (started == null ? startedNanos : started)));
            } catch (RuntimeException e) {
                getContext().getLog().warn("listener failed on crashed episode {}: {}", episode.id(), EpisodeActor.describe(e));
            }
        }
        fill();
        return alive.isEmpty() && nextEpisode >= plan.episodes().size() ? finishRun() : this;
    }

    private void count(EpisodeResult result, long episodeActions) {
        if (result.failed()) {
            failed++;
        } else {
            completed++;
        }
        actions += episodeActions;
    }

    /** Starts episodes until the parallelism is reached or the plan is exhausted. */
    private void fill() {
        while (alive.size() < plan.parallelism() && nextEpisode < plan.episodes().size()) {
            int slot = nextEpisode++;
            EpisodePlan episode = plan.episodes().get(slot);
            ActorRef<EpisodeActor.Command> ref = getContext().spawn(
                    EpisodeActor.create(episode, plan.timestamps(), listener, getContext().getSelf(), slot),
                    "episode-" + slot);
            getContext().watch(ref);
            alive.put(ref, slot);
            startedAt.put(slot, System.nanoTime());
        }
    }

    private Behavior<Command> finishRun() {
        var totals = new RunReport(plan.runId(), plan.episodes().size(), completed, failed, actions,
                Duration.ofNanos(System.nanoTime() - startedNanos));
        try {
            listener.runFinished(totals);
            report.complete(totals);
        } catch (RuntimeException e) {
            report.completeExceptionally(e);
        }
        return Behaviors.stopped();
    }
}
