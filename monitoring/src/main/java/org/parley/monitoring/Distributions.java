package org.parley.monitoring;

import static org.parley.monitoring.MetricNames.*;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The run listener's histograms and summaries. They are recorded on every action, turn and round
 * and for every score of every episode, so they are {@link Distribution}s (striped adders, see
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

    private static Distribution.Family histogram(PrometheusRegistry registry, String name, String help,
                                                 double[] bounds, String... labels) {
        return Distribution.Family.histogram(registry, name, help, Unit.SECONDS, bounds, labels);
    }

    private static Distribution.Family summary(PrometheusRegistry registry, String name, String help,
                                               String... labels) {
        return Distribution.Family.summary(registry, name, help, labels);
    }
}
