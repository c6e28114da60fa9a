package org.parley.monitoring;

import static org.parley.monitoring.MetricNames.*;

import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every meter of one (scenario, condition, environment). Meters are created once and cached by
 * their remaining label values; the ones used on every episode (actions, events, roles, barriers,
 * scores) are found again in small arrays by comparing the caller's strings as references, and
 * counted in per-thread cells, so recording allocates nothing.
 *
 * <p>Meters a dashboard needs even when nothing happened yet (failures, round-barrier waits,
 * coordination counters) are registered when the condition is first seen, so they are scraped as
 * zero instead of missing.
 */
final class ConditionMeters {
    /** The listener these meters belong to; an episode's tally reaches it from here, not a field of its own. */
    final MonitoringListener listener;
    private final CellMeters cellMeters;
    /** The cells all these meters count in; a caller adding several times finds its thread's once. */
    final ThreadCells cells;
    private final Distributions distributions;
    private final String scenario;
    private final String condition;
    private final String environment;
    final Tags tags;

    final CellCount started;
    final CellCount completed;
    final CellCount failed;
    /** Gauges: every episode start and finish moves them, from any thread. */
    final CellCount running;
    final Distribution durationCompleted;
    final Distribution durationFailed;
    final Distribution turns;
    final CellCount observations;
    final Distribution turnDuration;
    final CellCount backlog;
    final CellCount barrierRounds;
    final Distribution barrierWait;
    final CellCount barrierStragglers;

    final CellCount coordinationEpisodes;
    final CellCount successScored;
    final CellCount successes;
    final CellCount coordinationActions;
    final CellCount coordinationMessages;
    final CellCount questions;
    final CellCount unansweredQuestions;
    final CellCount commitmentsMade;
    final CellCount commitmentsKept;
    final CellCount commitmentsBroken;
    final CellCount conflicts;

    final EnvironmentMetrics environmentMetrics;

    // The cells of the counts every turn adds to, kept here as numbers: an add then reads this
    // object and the thread's cells only, not the count's own object as well.
    final int observationsCell;
    final int backlogCell;

    static final int MAX_CACHED_ACTIONS = 64;
    /**
     * Meters of the (role, mind description, kind) seen so far; copied on write, read without locks.
     * The three labels sit in arrays of their own, so a look-up reads consecutive references
     * instead of one object per entry.
     */
    private volatile ActionTable actions = new ActionTable(new String[0], new String[0], new String[0],
            new ActionMeters[0]);

    private record ActionTable(String[] roles, String[] minds, String[] kinds, ActionMeters[] meters) {}

    private final ConcurrentHashMap<String, RoleMeters> roles = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CellCount> messagesRouted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, EventMeters> events = new ConcurrentHashMap<>();
    // The first roles', event types', barriers' and scores' meters again, found by comparing
    // references (see NamedMeters); the maps above stay the record of all of them.
    private final NamedMeters<RoleMeters> recentRoles = new NamedMeters<>();
    private final NamedMeters<EventMeters> recentEvents = new NamedMeters<>();
    private final NamedMeters<BarrierMeters> recentBarriers = new NamedMeters<>();
    private final NamedMeters<NamedMeters<Distribution>> recentScores = new NamedMeters<>();
    private final ConcurrentHashMap<String, BarrierMeters> barriers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Distribution>> scores =
            new ConcurrentHashMap<>();

    ConditionMeters(MonitoringListener listener, CellMeters cellMeters, Distributions distributions, String scenario,
                    String condition, String environment) {
        this.listener = listener;
        this.cellMeters = cellMeters;
        this.cells = cellMeters.cells();
        this.distributions = distributions;
        this.scenario = scenario;
        this.condition = condition;
        this.environment = environment;
        this.tags = Tags.of(SCENARIO, scenario, CONDITION, condition, ENVIRONMENT, environment);

        started = counter(EPISODES_STARTED, "Episodes started", tags);
        completed = counter(EPISODES_COMPLETED, "Episodes that ended normally", tags);
        failed = counter(EPISODES_FAILED, "Episodes that failed (an agent or the environment threw, or a timeout)", tags);
        running = cellMeters.gauge(EPISODES_RUNNING, "Episodes in flight", null, tags);
        durationCompleted = distributions.episodeDuration.labelValues(scenario, condition, environment, "completed");
        durationFailed = distributions.episodeDuration.labelValues(scenario, condition, environment, "failed");
        turns = distributions.episodeTurns.labelValues(scenario, condition, environment);
        observations = counter(OBSERVATIONS_DELIVERED, "Observations delivered to agents", tags);
        turnDuration = distributions.turnDuration.labelValues(scenario, condition, environment);
        backlog = cellMeters.gauge(MAILBOX_BACKLOG, "Messages waiting in agents' mailboxes, summed over running episodes",
                "messages", tags);
        barrierRounds = counter(ROUND_BARRIER_ROUNDS, "Rounds of the simultaneous protocol closed", tags);
        barrierWait = distributions.roundBarrierWait.labelValues(scenario, condition, environment);
        barrierStragglers = counter(ROUND_BARRIER_STRAGGLERS, "Agents that missed a round's barrier timeout", tags);

        coordinationEpisodes = counter(COORDINATION_EPISODES, "Completed episodes counted in coordination metrics", tags);
        successScored = counter(COORDINATION_SUCCESS_SCORED, "Completed episodes that reported a success score", tags);
        successes = counter(COORDINATION_SUCCESSES, "Completed episodes with success score >= 0.5", tags);
        coordinationActions = counter(COORDINATION_ACTIONS, "Actions other than none in completed episodes", tags);
        coordinationMessages = counter(COORDINATION_MESSAGES, "Message actions in completed episodes", tags);
        questions = counter(COORDINATION_QUESTIONS, "Questions asked in completed episodes", tags);
        unansweredQuestions = counter(COORDINATION_UNANSWERED_QUESTIONS, "Questions never answered", tags);
        commitmentsMade = counter(COORDINATION_COMMITMENTS_MADE, "commitment-made events", tags);
        commitmentsKept = counter(COORDINATION_COMMITMENTS_KEPT, "commitment-kept events", tags);
        commitmentsBroken = counter(COORDINATION_COMMITMENTS_BROKEN, "commitment-broken events", tags);
        conflicts = counter(COORDINATION_CONFLICTS, "merge-conflict and conflict events", tags);

        barrier(CoordinationEvents.NO_BARRIER);
        environmentMetrics = new EnvironmentMetrics(cellMeters, distributions, tags);
        observationsCell = observations.cell;
        backlogCell = backlog.cell;
    }

    private CellCount counter(String name, String description, Tags tags) {
        return cellMeters.counter(name, description, tags);
    }

    /** This condition's key figures as of now. */
    ConditionSummary summary() {
        double understandingSum = 0, understandingCount = 0, confusionSum = 0, confusionCount = 0, repairs = 0;
        for (var b : barriers.values()) {
            understandingSum += b.mutualUnderstanding.getSum();
            understandingCount += b.mutualUnderstanding.getCount();
            confusionSum += b.unresolvedConfusion.getSum();
            confusionCount += b.unresolvedConfusion.getCount();
            repairs += b.repairAttempts.count();
        }
        double latencySum = 0, latencyCount = 0;
        for (var r : roles.values()) {
            for (var m : r.models.values()) {
                latencySum += m.latency.getSum();
                latencyCount += m.latency.getCount();
            }
        }
        double episodes = coordinationEpisodes.count();
        double actions = coordinationActions.count();
        double messages = coordinationMessages.count();
        return new ConditionSummary(condition, (long) started.count(), (long) completed.count(), (long) failed.count(),
                ConditionSummary.ratio(successes.count(), successScored.count()),
                ConditionSummary.ratio(messages, actions),
                ConditionSummary.ratio(messages, actions - messages),
                ConditionSummary.ratio(unansweredQuestions.count(), questions.count()),
                ConditionSummary.ratio(commitmentsKept.count(), commitmentsMade.count()),
                ConditionSummary.ratio(conflicts.count(), episodes),
                ConditionSummary.ratio(understandingSum, understandingCount),
                ConditionSummary.ratio(confusionSum, confusionCount),
                ConditionSummary.ratio(repairs, episodes),
                ConditionSummary.ratio(barrierStragglers.count(), barrierRounds.count()),
                ConditionSummary.ratio(latencySum, latencyCount));
    }

    /**
     * The meters of an action, or null when this (role, mind description, kind) is new. A scan of
     * a few entries that every episode of the condition reads, so it stays in cache; roles and
     * kinds are usually the very same strings, the description is compared by content (minds may
     * build it per action).
     */
    ActionMeters action(String role, String producedBy, String kind) {
        var t = actions;
        var roles = t.roles;
        var minds = t.minds;
        var kinds = t.kinds;
        for (int i = 0; i < roles.length; i++) {
            if (roles[i] == role && kinds[i] == kind && minds[i] == producedBy) {
                return t.meters[i];
            }
        }
        for (int i = 0; i < roles.length; i++) {
            if (roles[i].equals(role) && kinds[i].equals(kind) && java.util.Objects.equals(minds[i], producedBy)) {
                return t.meters[i];
            }
        }
        return null;
    }

    /**
     * Makes the meters of a new (role, mind description, kind) of action and remembers them for the
     * next look-up. Past {@value #MAX_CACHED_ACTIONS} entries (minds whose description changes per
     * action) the scan would grow too long: further ones are resolved through the label maps every
     * time instead.
     */
    synchronized ActionMeters addAction(String role, String producedBy, String kind, CellCount counter,
                                        Distribution latency, CellCount routed) {
        var known = action(role, producedBy, kind);
        if (known != null) {
            return known;
        }
        var meters = new ActionMeters(kind, counter, latency, routed);
        var t = actions;
        int n = t.meters.length;
        if (n < MAX_CACHED_ACTIONS) {
            var roles = java.util.Arrays.copyOf(t.roles, n + 1);
            var minds = java.util.Arrays.copyOf(t.minds, n + 1);
            var kinds = java.util.Arrays.copyOf(t.kinds, n + 1);
            var all = java.util.Arrays.copyOf(t.meters, n + 1);
            roles[n] = role;
            minds[n] = producedBy;
            kinds[n] = kind;
            all[n] = meters;
            actions = new ActionTable(roles, minds, kinds, all);
        }
        return meters;
    }

    /** Where one (role, mind description, kind) of action is counted; its labels are in the look-up table. */
    static final class ActionMeters {
        final Distribution latency;
        final boolean effort;
        /** Whether this kind can carry a question (see {@link Communication#isVerbal}). */
        final boolean verbal;
        /** The cells of the action counter and of the messages-routed counter (-1 when the kind is not a message). */
        private final int actionsCell;
        private final int routedCell;

        ActionMeters(String kind, CellCount actions, Distribution latency, CellCount routed) {
            this.latency = latency;
            this.effort = Communication.isEffort(kind);
            this.verbal = Communication.isVerbal(kind);
            this.actionsCell = actions.cell;
            this.routedCell = routed == null ? -1 : routed.cell;
        }

        /** Whether this kind is a message. */
        boolean message() {
            return routedCell >= 0;
        }

        /** Counts {@code n} such actions (and as many messages routed, for a message kind). */
        void count(ThreadCells.Shard shard, long n) {
            shard.add(actionsCell, n);
            if (routedCell >= 0) {
                shard.add(routedCell, n);
            }
        }
    }

    RoleMeters role(String role) {
        var meters = recentRoles.get(role);
        if (meters == null) {
            meters = roles.computeIfAbsent(role, r -> new RoleMeters(r));
            recentRoles.remember(role, meters);
        }
        return meters;
    }

    CellCount messagesRouted(String kind) {
        var c = messagesRouted.get(kind);
        return c != null ? c : messagesRouted.computeIfAbsent(kind,
                k -> counter(MESSAGES_ROUTED, "Messages routed between agents, by action kind", tags.and(KIND, k)));
    }

    EventMeters event(String type) {
        var e = recentEvents.get(type);
        if (e == null) {
            e = events.computeIfAbsent(type, t -> {
                var count = counter(EVENTS, "Environment events, by type", tags.and(TYPE, t));
                return new EventMeters(count, count.cell, CoordinationEvents.Effect.of(t));
            });
            recentEvents.remember(type, e);
        }
        return e;
    }

    /**
     * An event type's counter (and its cell, added to without reading the counter's object), and
     * what the type means for the coordination figures (worked out once).
     */
    record EventMeters(CellCount count, int cell, CoordinationEvents.Effect effect) {}

    BarrierMeters barrier(String type) {
        var b = recentBarriers.get(type);
        if (b == null) {
            b = barriers.computeIfAbsent(type, BarrierMeters::new);
            recentBarriers.remember(type, b);
        }
        return b;
    }

    Distribution score(String role, String score) {
        var recent = recentScores.get(role);
        var s = recent == null ? null : recent.get(score);
        if (s != null) {
            return s;
        }
        var byScore = scores.computeIfAbsent(role, r -> new ConcurrentHashMap<>());
        s = byScore.computeIfAbsent(score,
                n -> distributions.outcomeScore.labelValues(scenario, condition, environment, role, n));
        if (recent == null) {
            recentScores.remember(role, new NamedMeters<>());
            recent = recentScores.get(role);
        }
        if (recent != null) {
            recent.remember(score, s);
        }
        return s;
    }

    /** Meters of one role: agents alive, and actions and latency by the model that decided. */
    final class RoleMeters {
        private final String role;
        private final Tags roleTags;
        final CellCount alive;
        private final ConcurrentHashMap<String, ModelMeters> models = new ConcurrentHashMap<>();

        RoleMeters(String role) {
            this.role = role;
            this.roleTags = tags.and(ROLE, role);
            this.alive = cellMeters.gauge(AGENTS_ALIVE, "Agents in running episodes", null, roleTags);
        }

        ModelMeters model(String model) {
            var m = models.get(model);
            return m != null ? m : models.computeIfAbsent(model, x -> new ModelMeters(role, x, roleTags.and(MODEL, x)));
        }
    }

    /** Actions by kind and decision latency of one (role, model). */
    final class ModelMeters {
        private final Tags modelTags;
        final Distribution latency;
        private final ConcurrentHashMap<String, CellCount> actions = new ConcurrentHashMap<>();

        ModelMeters(String role, String model, Tags modelTags) {
            this.modelTags = modelTags;
            this.latency = distributions.actionLatency.labelValues(scenario, condition, environment, role, model);
        }

        CellCount actions(String kind) {
            var c = actions.get(kind);
            return c != null ? c : actions.computeIfAbsent(kind,
                    k -> counter(ACTIONS, "Actions decided, by kind", modelTags.and(KIND, k)));
        }
    }

    /** Communication-barrier meters of one barrier type. */
    final class BarrierMeters {
        final Distribution mutualUnderstanding;
        final Distribution unresolvedConfusion;
        final CellCount repairAttempts;

        BarrierMeters(String barrier) {
            mutualUnderstanding = distributions.mutualUnderstanding.labelValues(scenario, condition, environment, barrier);
            unresolvedConfusion = distributions.unresolvedConfusion.labelValues(scenario, condition, environment, barrier);
            repairAttempts = counter(COMMUNICATION_REPAIR_ATTEMPTS, "repair-attempt events in completed episodes",
                    tags.and(BARRIER, barrier));
        }
    }
}
