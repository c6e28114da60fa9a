package org.parley.monitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.parley.runtime.coordination.CoordinationTally;
import org.parley.runtime.coordination.EpisodeCoordination;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.environment.Outcome;

/**
 * What the run's metrics sink keeps of an episode between its {@code Started} and {@code Finished}
 * events, and what each of its events does to its condition's meters. Live series move as events
 * arrive; the coordination figures need the whole episode (was a question ever answered?), so a
 * {@link CoordinationTally} reads every event and is added to the meters only if the episode
 * completes.
 */
final class RunningEpisode {
    /** Episode-level scores are labelled with this role. */
    static final String EPISODE_ROLE = "episode";
    private static final long NO_TURN = Long.MIN_VALUE;

    private final ConditionMeters meters;
    private final List<EpisodeEvent.Started.Agent> agents;
    private final CoordinationTally tally;
    private long turnStartedNanos = NO_TURN;
    /** The unread count of the last turn start, which this episode adds to the backlog gauge. */
    private int backlog;

    /** Counts the episode as started and its agents as alive. */
    RunningEpisode(EpisodeEvent.Started started, ConditionMeters meters) {
        this.meters = meters;
        this.agents = started.agents();
        this.tally = new CoordinationTally(started.episode(), started.condition(), started.index());
        meters.started.increment();
        meters.running.incrementAndGet();
        for (var agent : agents) {
            meters.alive(agent.role()).incrementAndGet();
        }
    }

    ConditionMeters meters() {
        return meters;
    }

    /**
     * Records one event of the episode other than its start and end.
     *
     * @param nowNanos when the sink received it: turns are timed by the receipt of their starts
     */
    void record(EpisodeEvent event, long nowNanos, EnvironmentMetrics environment) {
        tally.accept(event);
        switch (event) {
            case EpisodeEvent.TurnStarted t -> {
                endTurn(nowNanos);
                turnStartedNanos = nowNanos;
                meters.backlog.addAndGet(t.unread() - backlog);
                backlog = t.unread();
            }
            // Every observation the environment produced, as the transcript records it (the final
            // ones of an episode the runtime ended, which reach no agent, included).
            case EpisodeEvent.Observed o -> meters.observations.increment();
            case EpisodeEvent.Acted a ->
                    meters.action(a.role(), a.action().producedBy(), a.action().kind()).record(a.latencyNanos());
            case EpisodeEvent.LateAction l -> meters.event("late-action").increment();
            case EpisodeEvent.RoundClosed r -> {
                meters.rounds.increment();
                meters.roundWait.record(r.waitNanos(), TimeUnit.NANOSECONDS);
                meters.stragglers.increment(r.stragglers().size());
            }
            case EpisodeEvent.Noted n -> meters.event(n.fact().type()).increment();
            case EpisodeEvent.Coordinated c -> meters.event(c.coordination().type()).increment();
            case EpisodeEvent.Measured m -> environment.record(m, meters.tags());
            case EpisodeEvent.Scored s -> scores(s.outcome());
            case EpisodeEvent.Failed f -> { } // the episode's Finished counts it as failed (unless an evaluator failed)
            case EpisodeEvent.Started s -> { } // one per episode: the sink made this object from it
            case EpisodeEvent.Finished f -> { } // the sink ends the episode with end()
        }
    }

    /** Observes every score of a completed episode under its role ({@value #EPISODE_ROLE} for the episode's own). */
    private void scores(Outcome outcome) {
        record(EPISODE_ROLE, outcome.episodeScores());
        outcome.agentScores().forEach((agent, scores) -> record(roleOf(agent), scores));
    }

    private void record(String role, Map<String, Double> scores) {
        scores.forEach((name, value) -> {
            if (value != null && !value.isNaN()) {
                meters.score(role, name).record(value);
            }
        });
    }

    private String roleOf(String agent) {
        for (var a : agents) {
            if (a.id().equals(agent)) {
                return a.role();
            }
        }
        return MetricNames.UNKNOWN;
    }

    /** The episode finished: its last turn ends, and it leaves the gauges. */
    void end(long nowNanos) {
        endTurn(nowNanos);
        meters.running.decrementAndGet();
        for (var agent : agents) {
            meters.alive(agent.role()).decrementAndGet();
        }
        meters.backlog.addAndGet(-backlog);
    }

    private void endTurn(long nowNanos) {
        if (turnStartedNanos != NO_TURN) {
            meters.turnDuration.record(nowNanos - turnStartedNanos, TimeUnit.NANOSECONDS);
            turnStartedNanos = NO_TURN;
        }
    }

    /** The episode's coordination figures; meaningful once it has completed. */
    EpisodeCoordination coordination() {
        return tally.result();
    }
}
