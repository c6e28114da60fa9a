package org.parley.runtime.kernel;

import java.util.List;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.episode.EpisodeEvaluator;

/** Messages an {@link EpisodeActor} understands. */
public sealed interface EpisodeCommand extends KernelMessage {

    /** An agent answered a decision request of the episode's own. */
    record AgentReplied(DecisionReply reply) implements EpisodeCommand {}

    /** Timer: a decision request was not answered within the action timeout. */
    record ActionTimedOut(String agent, long request) implements EpisodeCommand {}

    /** Timer: an agent's send-and-wait under the free protocol timed out. */
    record WaitTimedOut(String agent, long token, String awaiting, long waitedMillis) implements EpisodeCommand {}

    /** Timer: the whole episode ran past its timeout. */
    record EpisodeTimedOut(long afterMillis) implements EpisodeCommand {}

    /**
     * A simultaneous round closed (see {@link RoundCollector}).
     *
     * @param actions    the answers in declared agent order, with the latency of each
     * @param answered   agents that answered, in declared order
     * @param stragglers agents that did not, in declared order
     * @param waitNanos  how long the round waited at its barrier
     */
    record RoundCollected(long round, List<Answer> actions, List<String> answered, List<String> stragglers,
            long waitNanos) implements EpisodeCommand {
        public RoundCollected {
            actions = List.copyOf(actions);
            answered = List.copyOf(answered);
            stragglers = List.copyOf(stragglers);
        }

        /** One agent's answer in a round. */
        public record Answer(Action action, long latencyNanos) {}
    }

    /** A straggler answered after its round closed. */
    record LateAnswer(long round, Action action) implements EpisodeCommand {}

    /** A round could not be played: an agent's mind failed or took longer than the action timeout. */
    record RoundFailed(String agent, String message) implements EpisodeCommand {}

    /** The evaluator answered (or failed: {@code error} holds why). */
    record Evaluated(String reason, Outcome environmentOutcome, EpisodeEvaluator.Evaluation evaluation, String error)
            implements EpisodeCommand {}
}
