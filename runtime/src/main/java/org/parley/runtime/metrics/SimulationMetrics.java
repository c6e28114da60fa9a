package org.parley.runtime.metrics;

import java.util.Map;

/**
 * How environments and minds report their own named metrics without knowing the metrics library.
 * Each call becomes an event of the run's stream, which the monitoring module turns into
 * Prometheus series; without it they go nowhere.
 *
 * <p>Names are snake_case without the {@code parley_} prefix and without unit suffixes
 * ({@code merge_conflicts}, {@code mutual_understanding}). Tags must have bounded values: never an
 * agent id or message text. The runtime adds scenario, condition and environment tags itself.
 */
public interface SimulationMetrics {

    /** Adds to a counter. */
    void count(String name, double amount, Map<String, String> tags);

    /** Records one observation of a distribution (a score, a size, a duration in seconds). */
    void observe(String name, double value, Map<String, String> tags);

    default void count(String name) {
        count(name, 1, Map.of());
    }

    /** Reports nothing. */
    SimulationMetrics NONE = new SimulationMetrics() {
        @Override
        public void count(String name, double amount, Map<String, String> tags) {}

        @Override
        public void observe(String name, double value, Map<String, String> tags) {}
    };
}
