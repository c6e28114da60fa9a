package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.kernel.turn.FreeSchedule;
import org.parley.runtime.kernel.turn.ReplyOrder;

/**
 * {@code free}: asynchronous mailboxes. An agent decides whenever it is idle and has observed
 * something new ({@link FreeSchedule}); an action with a wait makes its agent wait for a reply from
 * the addressee, or a {@code timeout} observation. Answers of minds that decide synchronously are
 * applied in the order they were requested ({@link ReplyOrder}), so free runs of rule-based minds
 * replay exactly; asynchronous minds' answers are applied as they arrive. Each applied action is a
 * turn; the episode ends {@code quiescent} when every agent is idle with nothing new.
 */
final class FreeTurns implements TurnDriver, Episode.Deliveries {
    /** The observation kind an agent perceives when its send-and-wait timed out. */
    static final String TIMEOUT_KIND = "timeout";

    private record Answer(Action action, long latencyNanos) {}

    private final Episode episode;
    private final ActorRef<DecisionReply> replies;
    private final TimerScheduler<EpisodeCommand> timers;
    private final FreeSchedule free;
    private final ReplyOrder<Answer> replyOrder = new ReplyOrder<>();
    private final String[] waitTimers;

    FreeTurns(Episode episode, ActorRef<DecisionReply> replies, TimerScheduler<EpisodeCommand> timers, Duration maxWait) {
        this.episode = episode;
        this.replies = replies;
        this.timers = timers;
        this.free = new FreeSchedule(episode.ids, episode.positions, maxWait);
        this.waitTimers = new String[episode.ids.size()];
        for (int i = 0; i < waitTimers.length; i++) {
            waitTimers[i] = "wait:" + episode.ids.get(i);
        }
        episode.onDelivery(this);
    }

    @Override
    public void delivered(int agent, Observation observation) {
        if (free.observed(observation.agent(), observation.source())) {
            timers.cancel(waitTimers[agent]);
        }
    }

    /** Asks every agent that is due; ends the episode when nobody ever will be. */
    @Override
    public Episode.End proceed() {
        for (String agent : free.dueToDecide()) {
            replyOrder.requested(episode.ask(episode.positions.get(agent), replies, episode.turn, true));
        }
        if (episode.pending.isEmpty() && free.quiescent()) {
            return new Episode.End("quiescent", true);
        }
        return null;
    }

    @Override
    public Episode.End handle(EpisodeCommand command) {
        switch (command) {
            case EpisodeCommand.AgentReplied(DecisionReply.Decided d) -> {
                var p = episode.answered(d.request());
                if (p == null) {
                    return null;
                }
                var action = Actions.signed(episode, p, d.action());
                return apply(replyOrder.answered(d.request(), new Answer(action, d.latencyNanos())));
            }
            case EpisodeCommand.AgentReplied(DecisionReply.Deferred d) -> {
                return episode.pending.containsKey(d.request()) ? apply(replyOrder.deferred(d.request())) : null;
            }
            case EpisodeCommand.WaitTimedOut w -> {
                return onWaitTimedOut(w);
            }
            default -> {
                return null;
            }
        }
    }

    private Episode.End apply(List<Answer> released) {
        for (Answer answer : released) {
            Action action = answer.action();
            episode.turnStarted();
            int i = episode.positions.get(action.agent());
            long wait = free.acted(action);
            var end = episode.apply(action, answer.latencyNanos());
            if (wait > 0 && end == null && free.state(action.agent()) == FreeSchedule.State.WAITING) {
                timers.startSingleTimer(waitTimers[i], new EpisodeCommand.WaitTimedOut(action.agent(),
                        free.waitToken(action.agent()), action.to(), wait), Duration.ofMillis(wait));
            }
            end = episode.afterTurn(action.is(ActionKinds.NONE), end);
            if (end == null) {
                end = proceed();
            }
            if (end != null) {
                return end;
            }
        }
        return null;
    }

    private Episode.End onWaitTimedOut(EpisodeCommand.WaitTimedOut w) {
        if (!free.timedOut(w.agent(), w.token())) {
            return null;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("awaiting", w.awaiting());
        data.put("waited-ms", w.waitedMillis());
        var timeout = new Observation(w.agent(), episode.turn, Observation.ENVIRONMENT, TIMEOUT_KIND,
                "No reply from " + w.awaiting() + " within " + w.waitedMillis() + " ms.", data);
        episode.emit(new EpisodeEvent.Observed(episode.id, episode.turn, timeout, true));
        episode.route(timeout);
        return proceed();
    }
}
