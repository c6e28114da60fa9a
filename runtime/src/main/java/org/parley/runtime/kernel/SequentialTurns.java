package org.parley.runtime.kernel;

import org.apache.pekko.actor.typed.ActorRef;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.kernel.turn.TurnOrder;

/**
 * {@code alternating}, {@code round-robin} and {@code random}: one agent acts per turn, in the
 * order a {@link TurnOrder} gives; its action is applied as soon as it arrives.
 */
final class SequentialTurns implements TurnDriver {
    private final Episode episode;
    private final TurnOrder order;
    private final ActorRef<DecisionReply> replies;

    SequentialTurns(Episode episode, TurnOrder order, ActorRef<DecisionReply> replies) {
        this.episode = episode;
        this.order = order;
        this.replies = replies;
    }

    @Override
    public Episode.End proceed() {
        episode.turnStarted();
        episode.ask(episode.positions.get(order.next()), replies, episode.turn, true);
        return null;
    }

    @Override
    public Episode.End handle(EpisodeCommand command) {
        if (!(command instanceof EpisodeCommand.AgentReplied(DecisionReply.Decided d))) {
            return null;
        }
        var p = episode.answered(d.request());
        if (p == null) {
            return null;
        }
        Action action = Actions.signed(episode, p, d.action());
        var end = episode.afterTurn(action.is(ActionKinds.NONE), episode.apply(action, d.latencyNanos()));
        return end != null ? end : proceed();
    }
}
