package org.parley.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the run listener's counters and gauges in Micrometer with their counts in
 * {@link ThreadCells}: Micrometer names, describes and exposes them, the cells count them.
 *
 * <p>It keeps every count it made by meter name and tags, for two reasons: Micrometer holds a
 * function counter's source weakly, and it returns the meter first registered under an id, so a
 * count made anew for the same id (a listener reused for a scenario it ran before) must be the
 * very same object or its adds would never be exposed.
 */
final class CellMeters {
    private final MeterRegistry registry;
    private final ThreadCells cells;
    private final ConcurrentHashMap<String, Object> made = new ConcurrentHashMap<>();

    CellMeters(MeterRegistry registry, ThreadCells cells) {
        this.registry = registry;
        this.cells = cells;
    }

    /** The cells every count made here adds to. */
    ThreadCells cells() {
        return cells;
    }

    /** A counter ({@code <name>_total} in Prometheus). */
    CellCount counter(String name, String description, Tags tags) {
        return (CellCount) made.computeIfAbsent(key(name, tags), k -> {
            var count = new CellCount(cells);
            FunctionCounter.builder(name, count, CellCount::count).description(description).tags(tags).register(registry);
            return count;
        });
    }

    /** A gauge whose value episodes move up and down. */
    CellCount gauge(String name, String description, String baseUnit, Tags tags) {
        return (CellCount) made.computeIfAbsent(key(name, tags), k -> {
            var count = new CellCount(cells);
            Gauge.builder(name, count, CellCount::count).description(description).baseUnit(baseUnit).tags(tags)
                    .strongReference(true).register(registry);
            return count;
        });
    }

    /** A counter that may grow by fractions. */
    CellAmount amount(String name, String description, Tags tags) {
        return (CellAmount) made.computeIfAbsent(key(name, tags), k -> {
            var amount = new CellAmount(cells);
            FunctionCounter.builder(name, amount, CellAmount::count).description(description).tags(tags)
                    .register(registry);
            return amount;
        });
    }

    private static String key(String name, Tags tags) {
        var key = new StringBuilder(name);
        tags.forEach(t -> key.append('\u0000').append(t.getKey()).append('=').append(t.getValue()));
        return key.toString();
    }
}
