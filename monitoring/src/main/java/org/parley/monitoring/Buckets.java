package org.parley.monitoring;

import java.time.Duration;

/**
 * Histogram bucket bounds. A few fixed buckets per timer instead of Micrometer's generated
 * percentile histogram (dozens per series) keep a scrape of a many-condition run small while
 * still giving useful quantiles at the scales where social simulations live: microseconds for
 * rule-based minds, seconds for LLM minds, minutes for episodes.
 */
final class Buckets {
    private Buckets() {}

    /** A mind's decision, a turn, a round barrier: rule-based (µs) up to slow LLM calls. */
    static final Duration[] DECISION = durations(
            "PT0.0001S", "PT0.001S", "PT0.005S", "PT0.025S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S",
            "PT5S", "PT10S", "PT30S", "PT60S", "PT120S");

    /** A provider request. */
    static final Duration[] LLM_REQUEST = durations(
            "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2S", "PT4S", "PT8S", "PT15S", "PT30S", "PT60S",
            "PT120S");

    /** A whole episode. */
    static final Duration[] EPISODE = durations(
            "PT0.01S", "PT0.1S", "PT0.5S", "PT1S", "PT5S", "PT15S", "PT30S", "PT1M", "PT2M", "PT5M", "PT10M",
            "PT30M", "PT1H");

    private static Duration[] durations(String... iso) {
        var out = new Duration[iso.length];
        for (int i = 0; i < iso.length; i++) {
            out[i] = Duration.parse(iso[i]);
        }
        return out;
    }
}
