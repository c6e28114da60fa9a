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
 * as one has stopped, as long as no more than {@link #RECORDING_BACKLOG} stopped episodes still
 * wait for their last event to reach every sink: the sinks keep up with the episodes on another
 * core, and a slow disk holds the run back instead of piling events up in memory. An episode that
 * crashes is counted as failed and the run carries on. When the last episode is done, the recorder finishes the sinks and the supervisor
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
    /** Episodes in flight by slot: running, or stopped with events not yet recorded. */
    private final Map<Integer, Flight> flights = new HashMap<>();
    private final Map<ActorRef<?>, Integer> alive = new HashMap<>();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private int nextEpisode;
    private int completed;
    private int failed;
    private long actions;
    private boolean finishing;
    /** The totals handed to the sinks at the end, and the report the run completes with. */
    private RunReport totals;

    /** Where one episode is: reported its result, stopped, and had its last event recorded. */
    private static final class Flight {
        final long startedNanos = System.nanoTime();
        boolean reported;
        boolean stopped;
        boolean recorded;
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
        return flights.isEmpty() ? finishRun() : this;
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
        var flight = flights.get(f.slot());
        if (flight != null && !flight.reported) {
            flight.reported = true;
            count(f.result());
        }
        return this;
    }

    private Behavior<SupervisorCommand> onRecorded(SupervisorCommand.Recorded r) {
        Integer slot = slotOf.get(r.episode());
        if (slot != null) {
            flights.get(slot).recorded = true;
            return settle(slot);
        }
        return this;
    }

    private Behavior<SupervisorCommand> onEpisodeStopped(Terminated signal) {
        if (signal.getRef().equals(recorder)) {
            return finishing ? this : abort("the run's recorder stopped: "
                    + (signal instanceof ChildFailed cf ? Failures.describe(cf.getCause()) : "stopped"));
        }
        Integer slot = alive.remove(signal.getRef());
        if (slot == null) {
            return this;
        }
        var flight = flights.get(slot);
        flight.stopped = true;
        if (!flight.reported) {
            // The episode actor died without reporting: it crashed outside its own guard.
            flight.reported = true;
            String cause = signal instanceof ChildFailed cf ? Failures.describe(cf.getCause()) : "stopped";
            EpisodeSpec spec = plan.episodes().get(slot);
            var result = new EpisodeResult(spec.id(), spec.condition(), spec.index(), spec.seed(),
                    EpisodeResult.Status.FAILED, "failed: episode actor crashed: " + cause, 0, 0, Outcome.empty(),
                    new LinkedHashMap<>());
            count(result);
            if (recorder != null) {
                recorder.tell(new RecorderCommand.Record(List.of(new EpisodeEvent.Finished(spec.id(), 0, result,
                        System.nanoTime() - flight.startedNanos))));
            }
        }
        return settle(slot);
    }

    /** An episode is done once it has stopped and its last event was recorded; either frees room for the next. */
    private Behavior<SupervisorCommand> settle(int slot) {
        var flight = flights.get(slot);
        if (flight != null && flight.stopped && (flight.recorded || recorder == null)) {
            flights.remove(slot);
            slotOf.remove(plan.episodes().get(slot).id());
        }
        fill();
        return flights.isEmpty() && nextEpisode >= plan.episodes().size() ? finishRun() : this;
    }

    private void count(EpisodeResult result) {
        if (result.failed()) {
            failed++;
        } else {
            completed++;
        }
        actions += result.actions();
    }

    /** Starts episodes until the parallelism is reached or the plan is exhausted. */
    private void fill() {
        while (alive.size() < plan.parallelism() && flights.size() < plan.parallelism() + RECORDING_BACKLOG
                && nextEpisode < plan.episodes().size()) {
            int slot = nextEpisode++;
            EpisodeSpec spec = plan.episodes().get(slot);
            ActorRef<EpisodeCommand> ref = getContext().spawn(
                    EpisodeActor.create(spec, resolver, recorder, getContext().getSelf(), slot), "episode-" + slot);
            getContext().watch(ref);
            alive.put(ref, slot);
            flights.put(slot, new Flight());
            slotOf.put(spec.id(), slot);
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
