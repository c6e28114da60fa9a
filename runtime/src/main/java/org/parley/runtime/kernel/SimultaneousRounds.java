package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.event.EpisodeEvent;

/**
 * {@code simultaneous}: every agent decides at once in rounds; a {@link RoundCollector} per round
 * gathers the answers and closes the round at its barrier. The answers are applied in declared
 * agent order, never arrival order, so a run does not depend on which thread was faster; a round
 * is one turn. A straggler's late answer is recorded ({@link EpisodeEvent.LateAction}) and never
 * applied.
 */
final class SimultaneousRounds implements TurnDriver {
    private final Episode episode;
    private final ActorContext<EpisodeCommand> context;
    private final ActorRef<DecisionReply> replies;
    private final Duration barrierTimeout;
    /** The round each unanswered request was made in: the current one's, and stragglers' of earlier rounds. */
    private final Map<Long, Long> roundOf = new HashMap<>();
    private ActorRef<RoundCollector.Command> collector;

    SimultaneousRounds(Episode episode, ActorContext<EpisodeCommand> context, ActorRef<DecisionReply> replies,
            Duration barrierTimeout) {
        this.episode = episode;
        this.context = context;
        this.replies = replies;
        this.barrierTimeout = barrierTimeout;
    }

    @Override
    public Episode.End proceed() {
        episode.turnStarted();
        long round = episode.turn;
        for (int i = 0; i < episode.ids.size(); i++) {
            roundOf.put(episode.ask(i, replies, round, false), round);
        }
        collector = context.spawn(RoundCollector.create(round, episode.ids, episode.positions, barrierTimeout,
                episode.limits.actionTimeout(), context.getSelf()), "round-" + round);
        return null;
    }

    @Override
    public Episode.End handle(EpisodeCommand command) {
        switch (command) {
            case EpisodeCommand.AgentReplied r -> {
                Long round = roundOf.get(r.reply().request());
                if (round == null) {
                    return null;
                }
                if (round == episode.turn) {
                    if (!(r.reply() instanceof DecisionReply.Deferred)) {
                        roundOf.remove(r.reply().request());
                        episode.answered(r.reply().request());
                    }
                    collector.tell(new RoundCollector.Reply(r.reply()));
                } else if (r.reply() instanceof DecisionReply.Decided d) {
                    roundOf.remove(d.request());
                    episode.answered(d.request());
                    episode.emit(new EpisodeEvent.LateAction(episode.id, episode.turn, round,
                            episode.signedBy(d.action())));
                }
                return null;
            }
            case EpisodeCommand.RoundCollected r -> {
                if (r.round() != episode.turn) {
                    return null;
                }
                episode.emit(new EpisodeEvent.RoundClosed(episode.id, episode.turn, r.round(), r.answered(),
                        r.stragglers(), r.waitNanos()));
                boolean nothingDone = true;
                Episode.End end = null;
                for (var answer : r.actions()) {
                    Action action = episode.signedBy(answer.action());
                    nothingDone &= action.is(ActionKinds.NONE);
                    end = episode.apply(action, answer.latencyNanos());
                    if (end != null) {
                        break;
                    }
                }
                end = episode.afterTurn(nothingDone, end);
                return end != null ? end : proceed();
            }
            case EpisodeCommand.RoundFailed f -> throw new EpisodeFailure(f.agent(), "decide", f.message());
            default -> {
                return null;
            }
        }
    }
}
