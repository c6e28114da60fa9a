package org.parley.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parley.runtime.event.EpisodeEvent.Measured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the metrics an environment reports by name ({@link Measured} events) into series:
 * {@code count("merge_conflicts")} becomes the counter {@code parley_env_merge_conflicts_total},
 * {@code observe("goal", 7)} the summary {@code parley_env_goal}. The condition's scenario,
 * condition and environment tags are added and win over an environment tag of the same key.
 *
 * <p>A name keeps the kind it was first used with, in every condition: Prometheus cannot expose a
 * counter and a summary under one name. A use of the other kind is dropped, with one warning per
 * name, rather than failing the run.
 */
final class EnvironmentMetrics {
    private static final Logger log = LoggerFactory.getLogger(EnvironmentMetrics.class);

    private final MeterRegistry registry;
    /** The kind each (sanitised) name was first used with. */
    private final Map<String, Measured.Measure> kinds = new HashMap<>();
    private final Map<Series, Target> meters = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    /** Sanitised names by the names environments use: a handful, asked for on every event. */
    private final Map<String, String> sanitized = new HashMap<>();

    /** One series: the sanitised name, the condition's tags and the environment's own. */
    private record Series(String name, Tags conditionTags, Map<String, String> tags) {}

    EnvironmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Measured measured, Tags conditionTags) {
        var name = sanitized.computeIfAbsent(measured.name(), EnvironmentMetrics::sanitize);
        var kind = measured.measure();
        var claimed = kinds.putIfAbsent(name, kind);
        if (claimed != null && claimed != kind) {
            warnOnce(name, measured.name() + " is already " + (claimed == Measured.Measure.COUNT ? "counted" : "observed")
                    + "; one name keeps one kind (count or observe)");
            return;
        }
        meters.computeIfAbsent(new Series(name, conditionTags, measured.tags()), this::register).record(measured.value());
    }

    /** Where a series records. */
    private sealed interface Target {
        void record(double value);
    }

    private record Counting(Counter counter) implements Target {
        @Override
        public void record(double value) {
            counter.increment(value);
        }
    }

    private record Observing(DistributionSummary summary) implements Target {
        @Override
        public void record(double value) {
            summary.record(value);
        }
    }

    /** A series the registry refused, kept so that it is not tried again on every event. */
    private record Refused() implements Target {
        @Override
        public void record(double value) {}
    }

    private Target register(Series series) {
        var meterName = MetricNames.ENVIRONMENT_PREFIX + series.name();
        var tags = series.conditionTags().and(ownTags(series.tags(), series.conditionTags()));
        try {
            return kinds.get(series.name()) == Measured.Measure.COUNT
                    ? new Counting(Counter.builder(meterName).description("Counted by the environment").tags(tags)
                            .register(registry))
                    : new Observing(DistributionSummary.builder(meterName).description("Observed by the environment")
                            .tags(tags).register(registry));
        } catch (RuntimeException e) {
            // e.g. a name whose scraped form another meter holds: this series stays out.
            warnOnce(series.name(), e.getMessage());
            return new Refused();
        }
    }

    /** The environment's tags, keys sanitised, sorted, without the keys the condition's tags hold. */
    private static Tags ownTags(Map<String, String> tags, Tags conditionTags) {
        var own = new ArrayList<Tag>();
        new TreeMap<>(tags).forEach((k, v) -> {
            var key = sanitize(k);
            if (conditionTags.stream().noneMatch(t -> t.getKey().equals(key))) {
                own.add(Tag.of(key, v == null ? "" : v));
            }
        });
        return Tags.of(own);
    }

    private void warnOnce(String name, String why) {
        if (warned.add(name)) {
            log.warn("environment metric '{}' dropped: {}", name, why);
        }
    }

    /** Prometheus names allow [a-zA-Z0-9_]: lower-cased, kebab-case and dots become underscores. */
    static String sanitize(String name) {
        var sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        if (sb.isEmpty() || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }
}
