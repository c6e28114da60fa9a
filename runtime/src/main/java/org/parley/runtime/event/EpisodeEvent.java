package org.parley.runtime.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.run.EpisodeResult;

/**
 * What happens in an episode, as one stream of plain records. The kernel emits them in order for
 * each episode; every output of a run (transcripts, results, coordination figures, metrics, an
 * embedder's own) is an {@link EventSink} that reads this stream. Events are data: they serialise
 * with Jackson, so a worker node can stream them to the node that writes the outputs.
 *
 * <p>Every event names its episode and the episode's turn counter at the time (0-based; a turn is
 * one agent's action under the one-at-a-time protocols, one round under {@code simultaneous}).
 * An episode's stream starts with {@link Started} and ends with {@link Finished}; nothing of that
 * episode follows.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EpisodeEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = EpisodeEvent.TurnStarted.class, name = "turn-started"),
    @JsonSubTypes.Type(value = EpisodeEvent.Observed.class, name = "observed"),
    @JsonSubTypes.Type(value = EpisodeEvent.Acted.class, name = "acted"),
    @JsonSubTypes.Type(value = EpisodeEvent.LateAction.class, name = "late-action"),
    @JsonSubTypes.Type(value = EpisodeEvent.RoundClosed.class, name = "round-closed"),
    @JsonSubTypes.Type(value = EpisodeEvent.Noted.class, name = "noted"),
    @JsonSubTypes.Type(value = EpisodeEvent.Coordinated.class, name = "coordinated"),
    @JsonSubTypes.Type(value = EpisodeEvent.Measured.class, name = "measured"),
    @JsonSubTypes.Type(value = EpisodeEvent.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = EpisodeEvent.Scored.class, name = "scored"),
    @JsonSubTypes.Type(value = EpisodeEvent.Finished.class, name = "finished")
})
public sealed interface EpisodeEvent {

    /** The episode's id, e.g. {@code baseline/0007}. */
    String episode();

    /** The episode's turn counter when it happened. */
    long turn();

    /**
     * The episode began: its agents are in place (or setting up failed, and {@link Failed} follows).
     *
     * @param protocol the turn protocol's name as scenario files write it
     */
    record Started(String episode, String condition, int index, long seed, String protocol, List<Agent> agents)
            implements EpisodeEvent {
        public Started {
            agents = List.copyOf(agents);
        }

        @Override
        public long turn() {
            return 0;
        }

        /**
         * One participant: its id, role and mind ({@code rule-based:<policy>}, {@code llm:<model>},
         * or {@code unavailable} when it could not be built).
         */
        public record Agent(String id, String role, String mind) {}
    }

    /**
     * A turn (or a round) begins; {@code unread} observations wait in the agents' mailboxes, not yet
     * followed by a decision of theirs.
     */
    record TurnStarted(String episode, long turn, int unread) implements EpisodeEvent {}

    /**
     * An observation the environment produced. {@code delivered} is false for the final
     * observations of an episode the runtime ended, which are recorded but reach no agent.
     */
    record Observed(String episode, long turn, Observation observation, boolean delivered) implements EpisodeEvent {}

    /**
     * An agent's action was applied to the environment.
     *
     * @param role          the acting agent's role
     * @param action        with {@code producedBy} filled in from the mind's description
     * @param latencyNanos  how long its mind took to decide
     */
    record Acted(String episode, long turn, String role, Action action, long latencyNanos) implements EpisodeEvent {}

    /** A straggler's answer after its simultaneous round had closed: recorded, never applied. */
    record LateAction(String episode, long turn, long round, Action action) implements EpisodeEvent {}

    /**
     * A round of the {@code simultaneous} protocol closed, when everyone had answered or at its
     * barrier's timeout.
     *
     * @param answered   agents that answered in time, in declared order
     * @param stragglers agents that had not, in declared order
     * @param waitNanos  how long the round waited at its barrier
     */
    record RoundClosed(String episode, long turn, long round, List<String> answered, List<String> stragglers,
            long waitNanos) implements EpisodeEvent {
        public RoundClosed {
            answered = List.copyOf(answered);
            stragglers = List.copyOf(stragglers);
        }
    }

    /** An environment-specific fact (or an evaluator's, such as a judge's verdict). */
    record Noted(String episode, long turn, Fact fact) implements EpisodeEvent {}

    /** A typed coordination event the environment reported. */
    record Coordinated(String episode, long turn, Coordination coordination) implements EpisodeEvent {}

    /**
     * A metric the environment reported by name (see {@code SimulationMetrics}): a count to add or a
     * value to observe, with the environment's own bounded tags.
     */
    record Measured(String episode, long turn, String name, Measure measure, double value, Map<String, String> tags)
            implements EpisodeEvent {
        public Measured {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        /** Whether the value adds to a counter or is one observation of a distribution. */
        public enum Measure { COUNT, OBSERVE }
    }

    /**
     * Something went wrong. A failure in setting up, deciding, perceiving or in the environment ends
     * the episode as failed ({@link Finished} follows); an evaluator's failure does not (the episode
     * keeps its status and the environment's scores).
     *
     * @param agent the agent concerned, or null
     * @param phase {@code setup}, {@code decide}, {@code perceive}, {@code agent}, {@code environment},
     *              {@code episode}, {@code evaluator} or {@code kernel}
     */
    record Failed(String episode, long turn, String agent, String phase, String message) implements EpisodeEvent {}

    /** The episode's final scores are known (the environment's, with any evaluator's added); completed episodes only. */
    record Scored(String episode, long turn, Outcome outcome) implements EpisodeEvent {}

    /**
     * The episode ended; the last event of its stream.
     *
     * @param durationNanos wall-clock time from its start
     */
    record Finished(String episode, long turn, EpisodeResult result, long durationNanos) implements EpisodeEvent {}
}
