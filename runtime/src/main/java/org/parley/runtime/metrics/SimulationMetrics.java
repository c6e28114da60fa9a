package org.parley.runtime.metrics;

import java.util.List;
import java.util.Map;

/**
 * How environments and minds report their own named metrics without knowing the metrics library.
 * The monitoring module turns these calls into Prometheus series; without it they go nowhere.
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

    /** Reports to every sink of {@code sinks} that is not {@link #NONE}, in order. */
    static SimulationMetrics all(List<SimulationMetrics> sinks) {
        // A loop, not a stream: the kernel asks once per episode, and most runs have one sink.
        SimulationMetrics only = null;
        int live = 0;
        for (var sink : sinks) {
            if (sink != null && sink != NONE) {
                only = sink;
                live++;
            }
        }
        if (live <= 1) {
            return live == 0 ? NONE : only;
        }
        var each = sinks.stream().filter(m -> m != null && m != NONE).toList();
        return new SimulationMetrics() {
            @Override
            public void count(String name, double amount, Map<String, String> tags) {
                each.forEach(s -> s.count(name, amount, tags));
            }

            @Override
            public void observe(String name, double value, Map<String, String> tags) {
                each.forEach(s -> s.observe(name, value, tags));
            }
        };
    }

    SimulationMetrics NONE = new SimulationMetrics() {
        @Override
        public void count(String name, double amount, Map<String, String> tags) {}

        @Override
        public void observe(String name, double value, Map<String, String> tags) {}
    };
}
