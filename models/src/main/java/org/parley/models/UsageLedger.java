package org.parley.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests, tokens, latency, retries and cost per (model, role, episode). Thread-safe. */
public final class UsageLedger {
    private final String model;
    private final Pricing pricing;
    private final ConcurrentHashMap<Key, Counters> counters = new ConcurrentHashMap<>();

    UsageLedger(String model, Pricing pricing) {
        this.model = model;
        this.pricing = pricing;
    }

    private record Key(String role, String episode) {}

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder cached = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder input = new LongAdder();
        final LongAdder output = new LongAdder();
        final LongAdder latencyNanos = new LongAdder();
    }

    private Counters of(String role, String episode) {
        return counters.computeIfAbsent(new Key(role == null ? "-" : role, episode == null ? "-" : episode),
                k -> new Counters());
    }

    void response(String role, String episode, long inputTokens, long outputTokens, long latencyNanos) {
        var c = of(role, episode);
        c.requests.increment();
        c.input.add(inputTokens);
        c.output.add(outputTokens);
        c.latencyNanos.add(latencyNanos);
    }

    void cached(String role, String episode) {
        of(role, episode).cached.increment();
    }

    void retry(String role, String episode) {
        of(role, episode).retries.increment();
    }

    void failure(String role, String episode) {
        of(role, episode).failures.increment();
    }

    double cost(long inputTokens, long outputTokens) {
        return pricing.cost(inputTokens, outputTokens);
    }

    /** Every (role, episode) row, sorted by role then episode. */
    public List<UsageRecord> snapshot() {
        var rows = new ArrayList<UsageRecord>();
        counters.forEach((k, c) -> rows.add(record(k.role(), k.episode(), c)));
        rows.sort(Comparator.comparing(UsageRecord::role).thenComparing(UsageRecord::episode));
        return rows;
    }

    /** Rows of one episode, one per role. */
    public List<UsageRecord> episode(String episodeId) {
        return snapshot().stream().filter(r -> r.episode().equals(episodeId)).toList();
    }

    /** Totals per role over all episodes, sorted by role. */
    public List<UsageRecord> byRole() {
        var totals = new TreeMap<String, UsageRecord>();
        for (UsageRecord r : snapshot()) {
            totals.merge(r.role(), r, (a, b) -> a.plus(b, model, a.role(), UsageRecord.ALL));
        }
        return totals.values().stream().map(r -> new UsageRecord(model, r.role(), UsageRecord.ALL, r.requests(),
                r.cachedResponses(), r.failures(), r.retries(), r.inputTokens(), r.outputTokens(), r.latencyMillis(),
                r.cost())).toList();
    }

    /** The model's total. */
    public UsageRecord total() {
        UsageRecord sum = new UsageRecord(model, UsageRecord.ALL, UsageRecord.ALL, 0, 0, 0, 0, 0, 0, 0, 0);
        for (UsageRecord r : snapshot()) {
            sum = sum.plus(r, model, UsageRecord.ALL, UsageRecord.ALL);
        }
        return sum;
    }

    /** Drops the rows of an episode whose usage has been written out (keeps long runs bounded). */
    public void forget(String episodeId) {
        counters.keySet().removeIf(k -> k.episode().equals(episodeId));
    }

    private UsageRecord record(String role, String episode, Counters c) {
        long in = c.input.sum();
        long out = c.output.sum();
        return new UsageRecord(model, role, episode, c.requests.sum(), c.cached.sum(), c.failures.sum(),
                c.retries.sum(), in, out, c.latencyNanos.sum() / 1e6, pricing.cost(in, out));
    }
}
