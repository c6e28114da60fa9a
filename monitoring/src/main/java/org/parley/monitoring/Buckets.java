package org.parley.monitoring;

import java.time.Duration;

/**
 * Histogram bucket bounds, in seconds. A few fixed buckets per histogram instead of generated
 * percentile histograms (dozens per series) keep a scrape of a many-condition run small while
 * still giving useful quantiles at the scales where social simulations live: microseconds for
 * rule-based minds, seconds for LLM minds, minutes for episodes.
 */
final class Buckets {
    private Buckets() {}

    /** A mind's decision, a turn, a round barrier: rule-based (µs) up to slow LLM calls. */
    static final double[] DECISION = {
        0.0001, 0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    /** A provider request. */
    static final double[] LLM_REQUEST = {0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120};

    /** A whole episode. */
    static final double[] EPISODE = {0.01, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600};

    static Duration[] durations(double[] seconds) {
        var out = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            out[i] = Duration.ofNanos(Math.round(seconds[i] * 1e9));
        }
        return out;
    }
}
