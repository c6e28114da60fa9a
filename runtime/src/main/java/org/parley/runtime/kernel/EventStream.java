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
 */
final class EventStream {
    private final ActorRef<RecorderCommand> recorder;
    private final List<EpisodeEvent> kept;

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
            recorder.tell(new RecorderCommand.Record(event));
        }
        if (kept != null) {
            kept.add(event);
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
