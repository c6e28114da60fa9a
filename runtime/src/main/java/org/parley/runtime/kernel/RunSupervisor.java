package org.parley.runtime.kernel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Runs the episodes of a plan with at most {@code parallelism} running, starting the next as soon
 * as one has stopped, as long as fewer than {@link #RECORDING_BACKLOG} stopped episodes still wait
 * for their last event to reach every sink (the recorder says how many it has handled, every
 * {@link RunRecorder#REPORT_EVERY} episodes): the sinks keep up with the episodes on another core,
 * and a slow disk holds the run back instead of piling events up in memory. An episode that crashes
 * is counted as failed and the run carries on. When every episode has stopped, the recorder
 * (whose mailbox then holds every episode's last events, sent before the episode stopped) finishes
 * the sinks. When the last episode is done, the recorder finishes the sinks and the supervisor
 * completes the report and stops; a sink that fails stops the run with its message.
 */
final class RunSupervisor extends AbstractBehavior<SupervisorCommand> {
    /** Stopped episodes whose events may still be on their way to the sinks while new ones start. */
    static final int RECORDING_BACKLOG = 64;

    private final RunPlan plan;
    private final EpisodeResolver resolver;
    private final CompletableFuture<RunReport> report;
    private final ActorRef<RecorderCommand> recorder;
    private final long startedNanos = System.nanoTime();
    /** Running episodes by their actor, each with its slot in the plan. */
    private final Map<ActorRef<?>, Flight> alive = new HashMap<>();
    private int nextEpisode;
    /** Episodes whose actor has stopped, and those whose last event the recorder has handed to the sinks. */
    private int stopped;
    private int recorded;
    private int completed;
    private int failed;
    private long actions;
    private boolean finishing;
    /** The totals handed to the sinks at the end, and the report the run completes with. */
    private RunReport totals;

    /** A running episode: its slot, when it started, and whether it reported its result. */
    private static final class Flight {
        final int slot;
        final long startedNanos = System.nanoTime();
        boolean reported;

        Flight(int slot) {
            this.slot = slot;
        }
    }

    private RunSupervisor(ActorContext<SupervisorCommand> context, RunPlan plan, EpisodeResolver resolver,
            List<EventSink> sinks, CompletableFuture<RunReport> report) {
        super(context);
        this.plan = plan;
        this.resolver = resolver;
        this.report = report;
        this.recorder = sinks.isEmpty() ? null
                : context.spawn(RunRecorder.create(sinks, plan, context.getSelf()), "recorder",
                        DispatcherSelector.fromConfig(RunRecorder.DISPATCHER));
    }

    /**
     * @param sinks  read every event, in this order, on the recorder's thread; none for a run that
     *               only needs the report (a benchmark)
     * @param report completed with the run's totals once every episode is done and every sink
     *               finished, or failed with the first sink's failure
     */
    static Behavior<SupervisorCommand> create(RunPlan plan, EpisodeResolver resolver, List<EventSink> sinks,
            CompletableFuture<RunReport> report) {
        return Behaviors.setup(ctx -> new RunSupervisor(ctx, plan, resolver, List.copyOf(sinks), report).begin());
    }

    private Behavior<SupervisorCommand> begin() {
        fill();
        return alive.isEmpty() ? finishRun() : this;
    }

    @Override
    public Receive<SupervisorCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(SupervisorCommand.EpisodeFinished.class, this::onFinished)
                .onMessage(SupervisorCommand.Recorded.class, this::onRecorded)
                .onMessage(SupervisorCommand.SinkFailed.class, f -> abort(f.message()))
                .onMessage(SupervisorCommand.RecorderClosed.class, this::onRecorderClosed)
                .onSignal(Terminated.class, this::onEpisodeStopped)
                .build();
    }

    private Behavior<SupervisorCommand> onFinished(SupervisorCommand.EpisodeFinished f) {
        for (Flight flight : alive.values()) {
            if (flight.slot == f.slot() && !flight.reported) {
                flight.reported = true;
                count(f.result());
            }
        }
        return this;
    }

    private Behavior<SupervisorCommand> onRecorded(SupervisorCommand.Recorded r) {
        recorded = Math.max(recorded, r.episodes());
        return settle();
    }

    private Behavior<SupervisorCommand> onEpisodeStopped(Terminated signal) {
        if (signal.getRef().equals(recorder)) {
            return finishing ? this : abort("the run's recorder stopped: "
                    + (signal instanceof ChildFailed cf ? Failures.describe(cf.getCause()) : "stopped"));
        }
        Flight flight = alive.remove(signal.getRef());
        if (flight == null) {
            return this;
        }
        stopped++;
        if (!flight.reported) {
            // The episode actor died without reporting: it crashed outside its own guard.
            flight.reported = true;
            String cause = signal instanceof ChildFailed cf ? Failures.describe(cf.getCause()) : "stopped";
            EpisodeSpec spec = plan.episodes().get(flight.slot);
            var result = new EpisodeResult(spec.id(), spec.condition(), spec.index(), spec.seed(),
                    EpisodeResult.Status.FAILED, "failed: episode actor crashed: " + cause, 0, 0, Outcome.empty(),
                    new LinkedHashMap<>());
            count(result);
            if (recorder != null) {
                recorder.tell(new RecorderCommand.Record(List.of(new EpisodeEvent.Finished(spec.id(), 0, result,
                        System.nanoTime() - flight.startedNanos))));
            }
        }
        return settle();
    }

    /** Starts what there is room for; ends the run when every episode has stopped. */
    private Behavior<SupervisorCommand> settle() {
        fill();
        return alive.isEmpty() && nextEpisode >= plan.episodes().size() ? finishRun() : this;
    }

    /** Stopped episodes whose last event has not reached the sinks yet (none without a recorder). */
    private int unrecorded() {
        return recorder == null ? 0 : stopped - recorded;
    }

    private void count(EpisodeResult result) {
        if (result.failed()) {
            failed++;
        } else {
            completed++;
        }
        actions += result.actions();
    }

    /** Starts episodes until the parallelism or the recording backlog is reached, or the plan is exhausted. */
    private void fill() {
        while (alive.size() < plan.parallelism() && unrecorded() < RECORDING_BACKLOG
                && nextEpisode < plan.episodes().size()) {
            int slot = nextEpisode++;
            EpisodeSpec spec = plan.episodes().get(slot);
            ActorRef<EpisodeCommand> ref = getContext().spawn(
                    EpisodeActor.create(spec, resolver, recorder, getContext().getSelf(), slot), "episode-" + slot);
            getContext().watch(ref);
            alive.put(ref, new Flight(slot));
        }
    }

    private RunReport totals() {
        return new RunReport(plan.runId(), plan.episodes().size(), completed, failed, actions,
                java.time.Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private Behavior<SupervisorCommand> finishRun() {
        totals = totals();
        if (recorder == null) {
            report.complete(totals);
            return Behaviors.stopped();
        }
        finishing = true;
        recorder.tell(new RecorderCommand.Finish(totals, getContext().getSelf()));
        return this;
    }

    private Behavior<SupervisorCommand> onRecorderClosed(SupervisorCommand.RecorderClosed closed) {
        if (closed.error() != null) {
            report.completeExceptionally(new IllegalStateException(closed.error()));
        } else {
            report.complete(totals);
        }
        return Behaviors.stopped();
    }

    /** A sink failed: stop every episode and report the failure as the run's. */
    private Behavior<SupervisorCommand> abort(String message) {
        report.completeExceptionally(new IllegalStateException(message));
        return Behaviors.stopped();
    }
}
