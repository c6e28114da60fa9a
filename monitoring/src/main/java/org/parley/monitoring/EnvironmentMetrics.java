package org.parley.monitoring;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.parley.runtime.metrics.SimulationMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an environment's named metrics into Prometheus series: {@code count("merge_conflicts")}
 * becomes {@code parley_env_merge_conflicts_total}, {@code observe("goal", 7)} becomes the summary
 * {@code parley_env_goal}. The condition's scenario, condition and environment tags are added and
 * win over an environment tag of the same key. Meters are cached per (name, tags), so an
 * environment that reuses its tag maps records without allocating.
 */
final class EnvironmentMetrics implements SimulationMetrics {
    private static final Logger log = LoggerFactory.getLogger(EnvironmentMetrics.class);

    private final CellMeters cellMeters;
    private final Distributions distributions;
    private final Tags conditionTags;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Map<String, String>, CellAmount>> counters =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<Map<String, String>, Distribution>> summaries =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> rejected = new ConcurrentHashMap<>();
    /** The meters recorded without tags, by name: the common case, found without comparing maps. */
    private final NamedMeters<CellAmount> untaggedCounters = new NamedMeters<>();
    private final NamedMeters<Distribution> untaggedSummaries = new NamedMeters<>();

    EnvironmentMetrics(CellMeters cellMeters, Distributions distributions, Tags conditionTags) {
        this.cellMeters = cellMeters;
        this.distributions = distributions;
        this.conditionTags = conditionTags;
    }

    @Override
    public void count(String name, double amount, Map<String, String> tags) {
        count(cellMeters.cells().local(), name, amount, tags);
    }

    @Override
    public void observe(String name, double value, Map<String, String> tags) {
        observe(cellMeters.cells().local(), name, value, tags);
    }

    /** Counts into the cells of the calling thread, {@code shard}, which an episode's tally keeps at hand. */
    void count(ThreadCells.Shard shard, String name, double amount, Map<String, String> tags) {
        var meter = tags == null || tags.isEmpty() ? untaggedCounters.get(name) : null;
        if (meter == null) {
            meter = lookup(counters, name, tags, t -> {
                distributions.claimEnvironmentName(meterName(name), true);
                return cellMeters.amount(meterName(name), "Counted by the environment as " + name, t);
            });
            if (meter != null && (tags == null || tags.isEmpty())) {
                untaggedCounters.remember(name, meter);
            }
        }
        if (meter != null) {
            meter.add(shard, amount);
        }
    }

    /** Observes into the cells of the calling thread, {@code shard}. */
    void observe(ThreadCells.Shard shard, String name, double value, Map<String, String> tags) {
        var meter = tags == null || tags.isEmpty() ? untaggedSummaries.get(name) : null;
        if (meter == null) {
            meter = lookup(summaries, name, tags, t -> {
                distributions.claimEnvironmentName(meterName(name), false);
                return distributions.environmentSummary(meterName(name).replace('.', '_'),
                        "Observed by the environment as " + name, t.stream().map(Tag::getKey).toList())
                        .labelValues(t.stream().map(Tag::getValue).toArray(String[]::new));
            });
            if (meter != null && (tags == null || tags.isEmpty())) {
                untaggedSummaries.remember(name, meter);
            }
        }
        if (meter != null) {
            meter.observe(shard, value);
        }
    }

    private <M> M lookup(ConcurrentHashMap<String, ConcurrentHashMap<Map<String, String>, M>> cache, String name,
                         Map<String, String> tags, Function<Tags, M> create) {
        var byTags = cache.get(name);
        if (byTags == null) {
            byTags = cache.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        }
        var key = tags == null ? Map.<String, String>of() : tags;
        var meter = byTags.get(key);
        if (meter != null) {
            return meter;
        }
        try {
            return byTags.computeIfAbsent(new java.util.HashMap<>(key), k -> create.apply(allTags(k)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A name holds one meter type; an environment that both counts and observes under one name
            // loses the second kind, and is told once instead of failing the episode.
            if (rejected.putIfAbsent(name, Boolean.TRUE) == null) {
                log.warn("environment metric '{}' with tags {} was not registered: {}", name, key.keySet(), e.getMessage());
            }
            return null;
        }
    }

    private Tags allTags(Map<String, String> envTags) {
        var list = new ArrayList<Tag>();
        new java.util.TreeMap<>(envTags).forEach((k, v) -> {
            var key = sanitize(k);
            if (conditionTags.stream().noneMatch(t -> t.getKey().equals(key))) {
                list.add(Tag.of(key, v == null ? "" : v));
            }
        });
        return conditionTags.and(list);
    }

    static String meterName(String name) {
        return MetricNames.ENVIRONMENT_PREFIX + sanitize(name);
    }

    /** Prometheus names allow [a-zA-Z0-9_]; kebab-case and dots become underscores. */
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
