package org.parley.monitoring;

import static org.parley.monitoring.MetricNames.*;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The run listener's histograms and summaries. They are recorded on every action, turn and round,
 * so they use the Prometheus client's own metric types, registered in the registry that
 * Micrometer's Prometheus registry scrapes: an observation costs a few tens of nanoseconds, where a
 * Micrometer timer (which also tracks a decaying maximum) costs several times more. The exposed
 * names, types and labels are the ones docs/metrics.md lists.
 */
final class Distributions {
    private static final String[] CONDITION_LABELS = {SCENARIO, CONDITION, ENVIRONMENT};

    final Histogram actionLatency;
    final Histogram turnDuration;
    final Histogram roundBarrierWait;
    final Histogram episodeDuration;
    final Summary episodeTurns;
    final Summary outcomeScore;
    final Summary mutualUnderstanding;
    final Summary unresolvedConfusion;

    Distributions(PrometheusRegistry registry) {
        try {
            actionLatency = histogram(registry, "parley_action_latency_seconds", "Time a mind took to decide an action",
                    Buckets.DECISION, SCENARIO, CONDITION, ENVIRONMENT, ROLE, MODEL);
            turnDuration = histogram(registry, "parley_turn_duration_seconds", "Wall-clock time of one turn",
                    Buckets.DECISION, CONDITION_LABELS);
            roundBarrierWait = histogram(registry, "parley_round_barrier_wait_seconds",
                    "Time a simultaneous round waited for all agents", Buckets.DECISION, CONDITION_LABELS);
            episodeDuration = histogram(registry, "parley_episode_duration_seconds", "Wall-clock duration of an episode",
                    Buckets.EPISODE, SCENARIO, CONDITION, ENVIRONMENT, STATUS);
            episodeTurns = summary(registry, "parley_episode_turns", "Turns played per completed episode", CONDITION_LABELS);
            outcomeScore = summary(registry, "parley_outcome_score",
                    "Outcome scores of completed episodes; role=episode for episode-level scores",
                    SCENARIO, CONDITION, ENVIRONMENT, ROLE, SCORE);
            mutualUnderstanding = summary(registry, "parley_communication_mutual_understanding",
                    "Episode score mutual_understanding (1-5, higher = better understood)",
                    SCENARIO, CONDITION, ENVIRONMENT, BARRIER);
            unresolvedConfusion = summary(registry, "parley_communication_unresolved_confusion",
                    "Episode score unresolved_confusion (1-5, as the environment defines its direction)",
                    SCENARIO, CONDITION, ENVIRONMENT, BARRIER);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a Parley monitoring listener is already registered in this Prometheus"
                    + " registry; use one listener per registry (" + e.getMessage() + ")", e);
        }
    }

    private static Histogram histogram(PrometheusRegistry registry, String name, String help, double[] bounds,
                                       String... labels) {
        return Histogram.builder().name(name).help(help).unit(Unit.SECONDS).labelNames(labels)
                .classicOnly().classicUpperBounds(bounds).withoutExemplars().register(registry);
    }

    private static Summary summary(PrometheusRegistry registry, String name, String help, String... labels) {
        return Summary.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }
}
