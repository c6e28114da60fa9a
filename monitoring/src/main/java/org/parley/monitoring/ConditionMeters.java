package org.parley.monitoring;

import static org.parley.monitoring.MetricNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.runtime.coordination.Communication;
import org.parley.runtime.coordination.EpisodeCoordination;
import org.parley.runtime.run.EpisodeResult;

/**
 * The meters of one (scenario, condition, environment), as plain Micrometer meters. Series a
 * dashboard needs before anything happened (failures, durations, round barriers, coordination
 * counters, the scores of barrier {@code none}) are registered here at once, so they are scraped
 * as zero instead of missing; series whose labels only events reveal (roles, models, action kinds,
 * event types, barriers, scores) are registered on first use and kept in plain maps.
 *
 * <p>Used by one thread at a time (the run's recorder), so the maps need no locks; gauges read
 * atomics because the scrape reads them from another thread.
 */
final class ConditionMeters {
    private final MeterRegistry registry;
    private final Tags tags;

    final Counter started;
    final Counter completed;
    final Counter failed;
    /** Gauge: episodes between their Started and Finished events. */
    final AtomicInteger running = new AtomicInteger();
    private final Timer durationCompleted;
    private final Timer durationFailed;
    private final DistributionSummary turns;
    final Counter observations;
    final Timer turnDuration;
    /** Gauge: the last backlog of each running episode of the condition, summed. */
    final AtomicLong backlog = new AtomicLong();
    final Counter rounds;
    final Timer roundWait;
    final Counter stragglers;

    private final Counter coordinationEpisodes;
    private final Counter successScored;
    private final Counter successes;
    private final Counter coordinationActions;
    private final Counter coordinationMessages;
    private final Counter questions;
    private final Counter unansweredQuestions;
    private final Counter commitmentsMade;
    private final Counter commitmentsKept;
    private final Counter commitmentsBroken;
    private final Counter conflicts;

    private final Map<String, AtomicInteger> alive = new HashMap<>();
    private final Map<ActionKey, ActionMeters> actions = new HashMap<>();
    private final Map<String, Counter> events = new HashMap<>();
    private final Map<String, BarrierMeters> barriers = new HashMap<>();
    private final Map<ScoreKey, DistributionSummary> scores = new HashMap<>();

    /** The labels that, with the condition's, pick an action's meters. */
    private record ActionKey(String role, String model, String kind) {}

    private record ScoreKey(String role, String score) {}

    /** Where one (role, model, kind) of action is counted; {@code routed} is null unless the kind is a message. */
    record ActionMeters(Counter actions, Timer latency, Counter routed) {
        void record(long latencyNanos) {
            actions.increment();
            latency.record(latencyNanos, TimeUnit.NANOSECONDS);
            if (routed != null) {
                routed.increment();
            }
        }
    }

    /** The communication-barrier meters of one barrier type. */
    record BarrierMeters(DistributionSummary mutualUnderstanding, DistributionSummary unresolvedConfusion,
                         Counter repairAttempts) {}

    ConditionMeters(MeterRegistry registry, String scenario, String condition, String environment) {
        this.registry = registry;
        this.tags = Tags.of(SCENARIO, scenario, CONDITION, condition, ENVIRONMENT, environment);

        started = counter(EPISODES_STARTED, "Episodes started", tags);
        completed = counter(EPISODES_COMPLETED, "Episodes that ended normally", tags);
        failed = counter(EPISODES_FAILED, "Episodes that failed (an agent or the environment threw, or a timeout)", tags);
        gauge(EPISODES_RUNNING, "Episodes in flight", null, tags, running);
        durationCompleted = episodeDuration("completed");
        durationFailed = episodeDuration("failed");
        turns = summary(EPISODE_TURNS, "Turns played per completed episode", tags);
        observations = counter(OBSERVATIONS_DELIVERED, "Observations recorded for agents", tags);
        turnDuration = timer(TURN_DURATION, "Wall-clock time of one turn", Buckets.DECISION, tags);
        gauge(MAILBOX_BACKLOG, "Messages waiting in agents' mailboxes, summed over running episodes", "messages",
                tags, backlog);
        rounds = counter(ROUND_BARRIER_ROUNDS, "Rounds of the simultaneous protocol closed", tags);
        roundWait = timer(ROUND_BARRIER_WAIT, "Time a simultaneous round waited for all agents", Buckets.DECISION, tags);
        stragglers = counter(ROUND_BARRIER_STRAGGLERS, "Agents that missed a round's barrier timeout", tags);

        coordinationEpisodes = counter(COORDINATION_EPISODES, "Completed episodes counted in coordination metrics", tags);
        successScored = counter(COORDINATION_SUCCESS_SCORED, "Completed episodes that reported joint success or failure", tags);
        successes = counter(COORDINATION_SUCCESSES, "Completed episodes that reached their joint goal", tags);
        coordinationActions = counter(COORDINATION_ACTIONS, "Actions other than none in completed episodes", tags);
        coordinationMessages = counter(COORDINATION_MESSAGES, "Message actions in completed episodes", tags);
        questions = counter(COORDINATION_QUESTIONS, "Questions asked in completed episodes", tags);
        unansweredQuestions = counter(COORDINATION_UNANSWERED_QUESTIONS, "Questions never answered", tags);
        commitmentsMade = counter(COORDINATION_COMMITMENTS_MADE, "commitment-made events", tags);
        commitmentsKept = counter(COORDINATION_COMMITMENTS_KEPT, "commitment-kept events", tags);
        commitmentsBroken = counter(COORDINATION_COMMITMENTS_BROKEN, "commitment-broken events", tags);
        conflicts = counter(COORDINATION_CONFLICTS, "merge-conflict and conflict events", tags);

        barrier(EpisodeCoordination.NO_BARRIER);
    }

    /** The scenario, condition and environment tags every series of the condition carries. */
    Tags tags() {
        return tags;
    }

    /** The gauge of agents of {@code role} in running episodes. */
    AtomicInteger alive(String role) {
        return alive.computeIfAbsent(role, r -> gauge(AGENTS_ALIVE, "Agents in running episodes", null,
                tags.and(ROLE, r), new AtomicInteger()));
    }

    /** The meters of an action, by its agent's role, the mind that produced it and its kind. */
    ActionMeters action(String role, String producedBy, String kind) {
        return actions.computeIfAbsent(new ActionKey(role, model(producedBy), kind), key -> {
            var modelTags = tags.and(ROLE, key.role(), MODEL, key.model());
            return new ActionMeters(
                    counter(ACTIONS, "Actions decided, by kind", modelTags.and(KIND, key.kind())),
                    timer(ACTION_LATENCY, "Time a mind took to decide an action", Buckets.DECISION, modelTags),
                    Communication.isMessage(key.kind())
                            ? counter(MESSAGES_ROUTED, "Messages routed between agents, by action kind",
                                    tags.and(KIND, key.kind()))
                            : null);
        });
    }

    /** The model label of a mind description: {@code llm:gpt-4o} → gpt-4o, {@code rule-based:x} → rule-based. */
    static String model(String producedBy) {
        if (producedBy == null) {
            return MetricNames.UNKNOWN;
        }
        if (producedBy.startsWith("llm:")) {
            return producedBy.substring(4);
        }
        int colon = producedBy.indexOf(':');
        return colon < 0 ? producedBy : producedBy.substring(0, colon);
    }

    /** The counter of events of one type ({@code parley_events_total{type=...}}). */
    Counter event(String type) {
        return events.computeIfAbsent(type, t -> counter(EVENTS, "Environment events, by type", tags.and(TYPE, t)));
    }

    BarrierMeters barrier(String barrier) {
        return barriers.computeIfAbsent(barrier, b -> {
            var barrierTags = tags.and(BARRIER, b);
            return new BarrierMeters(
                    summary(COMMUNICATION_MUTUAL_UNDERSTANDING,
                            "Episode score mutual_understanding (1-5, higher = better understood)", barrierTags),
                    summary(COMMUNICATION_UNRESOLVED_CONFUSION,
                            "Episode score unresolved_confusion (1-5, as the environment defines its direction)",
                            barrierTags),
                    counter(COMMUNICATION_REPAIR_ATTEMPTS, "repair-attempt events in completed episodes", barrierTags));
        });
    }

    /** The summary of one score; role {@code episode} for the episode's own scores. */
    DistributionSummary score(String role, String score) {
        return scores.computeIfAbsent(new ScoreKey(role, score), key -> summary(OUTCOME_SCORE,
                "Outcome scores of completed episodes; role=episode for episode-level scores",
                tags.and(ROLE, key.role(), SCORE, key.score())));
    }

    /** Counts how an episode ended: its status, duration and, if it completed, its turns. */
    void finished(EpisodeResult result, long durationNanos) {
        if (result.failed()) {
            failed.increment();
            durationFailed.record(durationNanos, TimeUnit.NANOSECONDS);
        } else {
            completed.increment();
            durationCompleted.record(durationNanos, TimeUnit.NANOSECONDS);
            turns.record(result.turns());
        }
    }

    /** Adds one completed episode's coordination and communication-barrier figures. */
    void coordination(EpisodeCoordination episode) {
        coordinationEpisodes.increment();
        if (episode.success() != null) {
            successScored.increment();
            if (episode.success() >= 0.5) {
                successes.increment();
            }
        }
        coordinationActions.increment(episode.actions());
        coordinationMessages.increment(episode.messages());
        questions.increment(episode.questions());
        unansweredQuestions.increment(episode.unansweredQuestions());
        commitmentsMade.increment(episode.commitmentsMade());
        commitmentsKept.increment(episode.commitmentsKept());
        commitmentsBroken.increment(episode.commitmentsBroken());
        conflicts.increment(episode.conflicts());
        var barrier = barrier(episode.barrier());
        if (episode.mutualUnderstanding() != null) {
            barrier.mutualUnderstanding().record(episode.mutualUnderstanding());
        }
        if (episode.unresolvedConfusion() != null) {
            barrier.unresolvedConfusion().record(episode.unresolvedConfusion());
        }
        barrier.repairAttempts().increment(episode.repairAttempts());
    }

    private Timer episodeDuration(String status) {
        return timer(EPISODE_DURATION, "Wall-clock duration of an episode", Buckets.EPISODE, tags.and(STATUS, status));
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private DistributionSummary summary(String name, String description, Tags tags) {
        return DistributionSummary.builder(name).description(description).tags(tags).register(registry);
    }

    /** A timer scraped as a histogram with fixed buckets (seconds). */
    private Timer timer(String name, String description, double[] buckets, Tags tags) {
        return Timer.builder(name).description(description).tags(tags)
                .serviceLevelObjectives(Buckets.durations(buckets)).register(registry);
    }

    private <T extends Number> T gauge(String name, String description, String baseUnit, Tags tags, T value) {
        Gauge.builder(name, value, Number::doubleValue).description(description).baseUnit(baseUnit).tags(tags)
                .strongReference(true).register(registry);
        return value;
    }
}
