package org.parley.monitoring;

import static org.parley.monitoring.MetricNames.*;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run listener's histograms and summaries. They are recorded on every action, turn and round
 * and for every score of every episode, so they are {@link Distribution}s (per-thread cells, see
 * there why) registered in the registry that Micrometer's Prometheus registry scrapes, rather than
 * Micrometer timers (which also track a decaying maximum) or the Prometheus client's types. The
 * exposed names, types, units and labels are the ones docs/metrics.md lists.
 */
final class Distributions {
    private static final String[] CONDITION_LABELS = {SCENARIO, CONDITION, ENVIRONMENT};

    final Distribution.Family actionLatency;
    final Distribution.Family turnDuration;
    final Distribution.Family roundBarrierWait;
    final Distribution.Family episodeDuration;
    final Distribution.Family episodeTurns;
    final Distribution.Family outcomeScore;
    final Distribution.Family mutualUnderstanding;
    final Distribution.Family unresolvedConfusion;

    private final PrometheusRegistry registry;
    private final ThreadCells cells;
    /** Summaries environments observe, by Prometheus name. */
    private final ConcurrentHashMap<String, Distribution.Family> environment = new ConcurrentHashMap<>();
    /** Whether an environment first counted ({@code true}) or observed under a name, for every condition. */
    private final ConcurrentHashMap<String, Boolean> environmentCounts = new ConcurrentHashMap<>();

    Distributions(PrometheusRegistry registry, ThreadCells cells) {
        this.registry = registry;
        this.cells = cells;
        try {
            actionLatency = histogram(registry, cells, "parley_action_latency_seconds", "Time a mind took to decide an action",
                    Buckets.DECISION, SCENARIO, CONDITION, ENVIRONMENT, ROLE, MODEL);
            turnDuration = histogram(registry, cells, "parley_turn_duration_seconds", "Wall-clock time of one turn",
                    Buckets.DECISION, CONDITION_LABELS);
            roundBarrierWait = histogram(registry, cells, "parley_round_barrier_wait_seconds",
                    "Time a simultaneous round waited for all agents", Buckets.DECISION, CONDITION_LABELS);
            episodeDuration = histogram(registry, cells, "parley_episode_duration_seconds", "Wall-clock duration of an episode",
                    Buckets.EPISODE, SCENARIO, CONDITION, ENVIRONMENT, STATUS);
            episodeTurns = summary(registry, cells, "parley_episode_turns", "Turns played per completed episode", CONDITION_LABELS);
            outcomeScore = summary(registry, cells, "parley_outcome_score",
                    "Outcome scores of completed episodes; role=episode for episode-level scores",
                    SCENARIO, CONDITION, ENVIRONMENT, ROLE, SCORE);
            mutualUnderstanding = summary(registry, cells, "parley_communication_mutual_understanding",
                    "Episode score mutual_understanding (1-5, higher = better understood)",
                    SCENARIO, CONDITION, ENVIRONMENT, BARRIER);
            unresolvedConfusion = summary(registry, cells, "parley_communication_unresolved_confusion",
                    "Episode score unresolved_confusion (1-5, as the environment defines its direction)",
                    SCENARIO, CONDITION, ENVIRONMENT, BARRIER);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a Parley monitoring listener is already registered in this Prometheus"
                    + " registry; use one listener per registry (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Claims an environment metric's name for counting or for observing: the first claim holds in
     * every condition. Prometheus cannot expose a counter and a summary under one name, and a
     * scrape holding both would fail as a whole.
     *
     * @throws IllegalArgumentException when the name was claimed for the other kind
     */
    void claimEnvironmentName(String name, boolean counting) {
        if (environmentCounts.computeIfAbsent(name, n -> counting) != counting) {
            throw new IllegalArgumentException(name + " is already " + (counting ? "observed" : "counted")
                    + "; one name keeps one kind (count or observe)");
        }
    }

    /**
     * The summary an environment observes under {@code name}, registered with these label names on
     * first use; a later use with other label names is refused, as Prometheus requires one set
     * per name.
     *
     * @throws IllegalArgumentException for other label names, or a name another metric holds
     */
    Distribution.Family environmentSummary(String name, String help, List<String> labelNames) {
        Distribution.Family family;
        try {
            family = environment.computeIfAbsent(name,
                    n -> Distribution.Family.summary(registry, cells, n, help, labelNames.toArray(String[]::new)));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!family.labelNames().equals(labelNames)) {
            throw new IllegalArgumentException(name + " was first observed with labels " + family.labelNames()
                    + "; one name keeps one set of tags");
        }
        return family;
    }

    private static Distribution.Family histogram(PrometheusRegistry registry, ThreadCells cells, String name,
                                                 String help, double[] bounds, String... labels) {
        return Distribution.Family.histogram(registry, cells, name, help, Unit.SECONDS, bounds, labels);
    }

    private static Distribution.Family summary(PrometheusRegistry registry, ThreadCells cells, String name,
                                               String help, String... labels) {
        return Distribution.Family.summary(registry, cells, name, help, labels);
    }
}
