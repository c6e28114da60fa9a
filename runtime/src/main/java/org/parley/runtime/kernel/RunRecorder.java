package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * The single writer of a run: every episode sends its events here, and this actor hands each one
 * to every sink in order, on a dispatcher meant for blocking I/O, so no episode ever waits for a
 * disk. Sinks therefore see one event at a time. About once a second (and at the end) it asks the
 * sinks to flush what they buffer. Every {@link #REPORT_EVERY} episodes whose last event it has
 * handled, it tells the supervisor, which holds new episodes back while the sinks lag too far.
 *
 * <p>A sink that throws stops the run: the others are flushed (so what they wrote stays on disk)
 * and the supervisor is told the failure, naming the sink.
 */
final class RunRecorder {
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** The recorder's own thread (see reference.conf). */
    static final String DISPATCHER = "parley.recorder-dispatcher";

    /** How often the recorder tells the supervisor how far it is: every this many episodes. */
    static final int REPORT_EVERY = 16;

    private final List<EventSink> sinks;
    private final ActorRef<SupervisorCommand> supervisor;
    private int recorded;

    private RunRecorder(List<EventSink> sinks, ActorRef<SupervisorCommand> supervisor) {
        this.sinks = sinks;
        this.supervisor = supervisor;
    }

    static Behavior<RecorderCommand> create(List<EventSink> sinks, RunPlan plan, ActorRef<SupervisorCommand> supervisor) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            var recorder = new RunRecorder(sinks, supervisor);
            for (EventSink sink : sinks) {
                try {
                    sink.runStarted(plan);
                } catch (RuntimeException e) {
                    return recorder.failed(sink, e);
                }
            }
            timers.startTimerWithFixedDelay(new RecorderCommand.FlushTick(), FLUSH_INTERVAL);
            return recorder.recording();
        }));
    }

    private Behavior<RecorderCommand> recording() {
        return Behaviors.receive(RecorderCommand.class)
                .onMessage(RecorderCommand.Record.class, r -> record(r.events()))
                .onMessage(RecorderCommand.FlushTick.class, t -> flush())
                .onMessage(RecorderCommand.Finish.class, this::finish)
                .build();
    }

    private Behavior<RecorderCommand> record(List<EpisodeEvent> events) {
        for (EpisodeEvent event : events) {
            for (EventSink sink : sinks) {
                try {
                    sink.accept(event);
                } catch (RuntimeException e) {
                    return failed(sink, e);
                }
            }
            if (event instanceof EpisodeEvent.Finished && ++recorded % REPORT_EVERY == 0) {
                supervisor.tell(new SupervisorCommand.Recorded(recorded));
            }
        }
        return Behaviors.same();
    }

    private Behavior<RecorderCommand> flush() {
        supervisor.tell(new SupervisorCommand.Recorded(recorded));
        for (EventSink sink : sinks) {
            try {
                sink.flush();
            } catch (RuntimeException e) {
                return failed(sink, e);
            }
        }
        return Behaviors.same();
    }

    private Behavior<RecorderCommand> finish(RecorderCommand.Finish finish) {
        String error = null;
        for (EventSink sink : sinks) {
            try {
                sink.flush();
                sink.runFinished(finish.report());
            } catch (RuntimeException e) {
                if (error == null) {
                    error = describe(sink, e);
                }
            }
        }
        finish.replyTo().tell(new SupervisorCommand.RecorderClosed(error));
        return Behaviors.stopped();
    }

    /** Flushes the other sinks, tells the supervisor, and ignores everything from now on. */
    private Behavior<RecorderCommand> failed(EventSink failing, RuntimeException e) {
        for (EventSink sink : sinks) {
            if (sink != failing) {
                try {
                    sink.flush();
                } catch (RuntimeException ignored) {
                    // the first failure is the one reported
                }
            }
        }
        supervisor.tell(new SupervisorCommand.SinkFailed(describe(failing, e)));
        return Behaviors.ignore();
    }

    private static String describe(EventSink sink, RuntimeException e) {
        return sink.getClass().getSimpleName() + " failed: " + Failures.describe(e);
    }
}
