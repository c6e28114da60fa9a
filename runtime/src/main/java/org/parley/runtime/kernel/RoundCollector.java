package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.parley.runtime.environment.Action;
import org.parley.runtime.kernel.turn.RoundBarrier;

/**
 * One round of the {@code simultaneous} protocol, as a short-lived actor with a timer (the shape
 * of Pekko's "device group query"): it collects the round's answers behind a {@link RoundBarrier}
 * and reports to the episode once all have answered or the barrier times out, listing the
 * stragglers; then it stops.
 *
 * <p>The episode asks the agents and passes their answers on here, so an agent's late answer to a
 * closed round still reaches the episode before that agent's next answer. A mind that fails, acts
 * for another agent, or takes longer than the action timeout before the barrier closes fails the
 * round, and with it the episode.
 */
final class RoundCollector {

    /** Messages a round collector understands. */
    sealed interface Command extends KernelMessage {}

    /** An agent's answer to this round's request. */
    record Reply(DecisionReply reply) implements Command {}

    /** Timer: the round's barrier timed out. */
    record BarrierTimedOut() implements Command {}

    /** Timer: the action timeout passed with agents still deciding. */
    record ActionTimedOut() implements Command {}

    private final long round;
    private final List<String> agents;
    private final RoundBarrier barrier;
    private final long[] latencies;
    private final ActorRef<EpisodeCommand> episode;
    private final Duration actionTimeout;
    private final TimerScheduler<Command> timers;
    private final long openedNanos = System.nanoTime();

    private RoundCollector(long round, List<String> agents, Map<String, Integer> positions,
            ActorRef<EpisodeCommand> episode, Duration actionTimeout, TimerScheduler<Command> timers) {
        this.round = round;
        this.agents = agents;
        this.barrier = new RoundBarrier(round, agents, positions);
        this.latencies = new long[agents.size()];
        this.episode = episode;
        this.actionTimeout = actionTimeout;
        this.timers = timers;
    }

    /**
     * @param agents         agent ids in declared order, all asked for this round
     * @param positions      agent id to its index in {@code agents}
     * @param barrierTimeout when stragglers are left behind (null or zero: never)
     * @param actionTimeout  when a mind still deciding fails the round (null or zero: never)
     */
    static Behavior<Command> create(long round, List<String> agents, Map<String, Integer> positions,
            Duration barrierTimeout, Duration actionTimeout, ActorRef<EpisodeCommand> episode) {
        return Behaviors.withTimers(timers -> {
            if (Timeouts.isSet(barrierTimeout)) {
                timers.startSingleTimer(new BarrierTimedOut(), barrierTimeout);
            }
            if (Timeouts.isSet(actionTimeout)
                    && (!Timeouts.isSet(barrierTimeout) || actionTimeout.compareTo(barrierTimeout) < 0)) {
                timers.startSingleTimer(new ActionTimedOut(), actionTimeout);
            }
            return new RoundCollector(round, agents, positions, episode, actionTimeout, timers).collecting();
        });
    }

    private Behavior<Command> collecting() {
        return Behaviors.receive(Command.class)
                .onMessage(Reply.class, r -> onReply(r.reply()))
                .onMessage(BarrierTimedOut.class, t -> close())
                .onMessage(ActionTimedOut.class, t -> onActionTimeout())
                .build();
    }

    private Behavior<Command> onReply(DecisionReply reply) {
        switch (reply) {
            case DecisionReply.Deferred d -> {
                return Behaviors.same();
            }
            case DecisionReply.MindFailed f -> {
                episode.tell(new EpisodeCommand.RoundFailed(f.agent(), f.message()));
                return Behaviors.stopped();
            }
            case DecisionReply.Decided d -> {
                if (!d.agent().equals(d.action().agent())) {
                    episode.tell(new EpisodeCommand.RoundFailed(d.agent(), "mind of '" + d.agent()
                            + "' returned an action for '" + d.action().agent() + "'; a mind may only act for its own agent"));
                    return Behaviors.stopped();
                }
                if (barrier.answer(d.agent(), d.action())) {
                    latencies[agents.indexOf(d.agent())] = d.latencyNanos();
                }
                return barrier.complete() ? close() : Behaviors.same();
            }
        }
    }

    private Behavior<Command> onActionTimeout() {
        var late = barrier.stragglers();
        if (late.isEmpty()) {
            return Behaviors.same();
        }
        episode.tell(new EpisodeCommand.RoundFailed(late.get(0), "action-timeout: '" + late.get(0)
                + "' did not decide within " + actionTimeout.toMillis() + " ms"));
        return Behaviors.stopped();
    }

    /** Reports the round to the episode and stops. */
    private Behavior<Command> close() {
        timers.cancelAll();
        barrier.close();
        var answers = new ArrayList<EpisodeCommand.RoundCollected.Answer>();
        for (Action action : barrier.actionsInDeclaredOrder()) {
            answers.add(new EpisodeCommand.RoundCollected.Answer(action, latencies[agents.indexOf(action.agent())]));
        }
        episode.tell(new EpisodeCommand.RoundCollected(round, answers, barrier.answeredAgents(), barrier.stragglers(),
                System.nanoTime() - openedNanos));
        return Behaviors.stopped();
    }
}
