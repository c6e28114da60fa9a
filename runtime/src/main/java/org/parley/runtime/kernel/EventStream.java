package org.parley.runtime.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * Where one episode's events go: to the run's {@link RunRecorder} (none when the run has no sinks,
 * as in a benchmark), and into a list when an evaluator will read the episode afterwards.
 *
 * <p>Events go to the recorder in batches, after the episode has handled a message: its start at
 * once (so the metrics count it running while it runs), then when the episode has finished, when
 * {@link #BATCH} events wait, or when the oldest waiting event is {@link #LATENCY_NANOS} old. A
 * fast rule-based episode thus costs the recorder two messages in all, while a slow LLM episode's
 * events still reach the transcript and the metrics within a fraction of a second of happening.
 */
final class EventStream {
    /** Events that make a batch worth sending on its own. */
    static final int BATCH = 256;
    /** How long an event may wait for its batch. */
    static final long LATENCY_NANOS = 100_000_000L;

    private final ActorRef<RecorderCommand> recorder;
    private final List<EpisodeEvent> kept;
    private List<EpisodeEvent> unsent = new ArrayList<>();
    private long oldestUnsentNanos;
    private boolean started;

    /**
     * @param recorder the run's recorder, or null to send nothing
     * @param keep     keep every event for an evaluator
     */
    EventStream(ActorRef<RecorderCommand> recorder, boolean keep) {
        this.recorder = recorder;
        this.kept = keep ? new ArrayList<>() : null;
    }

    /** Whether anyone reads the events (so building them is worth it). */
    boolean heard() {
        return recorder != null || kept != null;
    }

    void emit(EpisodeEvent event) {
        if (recorder != null) {
            if (unsent.isEmpty()) {
                oldestUnsentNanos = System.nanoTime();
            }
            unsent.add(event);
        }
        if (kept != null) {
            kept.add(event);
        }
    }

    /** Sends the waiting events to the recorder as one message, if it is time to (see the class comment). */
    void send() {
        if (!unsent.isEmpty() && (!started || unsent.size() >= BATCH
                || System.nanoTime() - oldestUnsentNanos >= LATENCY_NANOS)) {
            started = true;
            sendAll();
        }
    }

    /** Sends every waiting event to the recorder as one message (the episode has finished). */
    void sendAll() {
        if (recorder != null && !unsent.isEmpty()) {
            recorder.tell(new RecorderCommand.Record(unsent));
            unsent = new ArrayList<>();
        }
    }

    /** The events so far (empty unless kept for an evaluator). */
    List<EpisodeEvent> kept() {
        return kept == null ? List.of() : List.copyOf(kept);
    }

    /** The environment's named metrics as {@link EpisodeEvent.Measured} events of episode {@code id}. */
    SimulationMetrics metrics(String episode, LongSupplier turn) {
        if (recorder == null) {
            return SimulationMetrics.NONE;
        }
        return new SimulationMetrics() {
            @Override
            public void count(String name, double amount, Map<String, String> tags) {
                emit(new EpisodeEvent.Measured(episode, turn.getAsLong(), name, EpisodeEvent.Measured.Measure.COUNT,
                        amount, tags));
            }

            @Override
            public void observe(String name, double value, Map<String, String> tags) {
                emit(new EpisodeEvent.Measured(episode, turn.getAsLong(), name, EpisodeEvent.Measured.Measure.OBSERVE,
                        value, tags));
            }
        };
    }
}
