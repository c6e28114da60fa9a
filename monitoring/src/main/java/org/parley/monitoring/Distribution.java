package org.parley.monitoring;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One series of a histogram (fixed buckets) or a summary (count and sum, no quantiles), counted in
 * {@link ThreadCells}.
 *
 * <p>Why not the Prometheus client's own Histogram and Summary: every observation there increments
 * atomic longs, and an atomic add waits for the episode thread's pending stores (see
 * {@link ThreadCells}). Here an observation writes two cells of the observing thread: its bucket's
 * and the sum's. A scrape reads the count as the sum of the buckets, so the buckets and the count
 * always agree; the sum may lag by observations in flight, as with any lock-free counter.
 */
final class Distribution {
    private final ThreadCells cells;
    /** Upper bounds without +Inf, or null for a summary. */
    private final double[] bounds;
    /** The first bucket's cell; the other buckets (one per bound plus +Inf, or just one for a summary) follow. */
    private final int base;
    private final int buckets;
    private final int sumCell;

    private Distribution(ThreadCells cells, double[] bounds) {
        this.cells = cells;
        this.bounds = bounds;
        this.buckets = bounds == null ? 1 : bounds.length + 1;
        this.base = cells.allocate(buckets);
        this.sumCell = cells.allocateDouble();
    }

    void observe(double value) {
        observe(cells.local(), value);
    }

    /** Observes into the cells of the calling thread, {@code shard}, found once for several adds. */
    void observe(ThreadCells.Shard shard, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        int bucket = 0;
        if (bounds != null) {
            while (bucket < bounds.length && value > bounds[bucket]) {
                bucket++;
            }
        }
        shard.add(base + bucket, 1);
        shard.addDouble(sumCell, value);
    }

    long getCount() {
        long n = 0;
        for (int i = 0; i < buckets; i++) {
            n += cells.sum(base + i);
        }
        return n;
    }

    double getSum() {
        return cells.sumDouble(sumCell);
    }

    private long[] bucketCounts() {
        long[] counts = new long[buckets];
        for (int i = 0; i < buckets; i++) {
            counts[i] = cells.sum(base + i);
        }
        return counts;
    }

    /**
     * A histogram or summary family: its series by label values, exposed in the Prometheus registry
     * under the same name, help, unit, type and labels the client's own types would give it.
     */
    static final class Family implements Collector {
        private final MetricMetadata metadata;
        private final MetricType type;
        private final String[] labelNames;
        /** Bounds with +Inf last, for the snapshot; null for a summary. */
        private final double[] snapshotBounds;
        private final double[] bounds;
        private final ConcurrentHashMap<List<String>, Distribution> series = new ConcurrentHashMap<>();
        private final ThreadCells cells;

        private Family(ThreadCells cells, String name, String help, Unit unit, double[] bounds, String... labelNames) {
            this.cells = cells;
            this.metadata = new MetricMetadata(name, help, unit);
            this.type = bounds == null ? MetricType.SUMMARY : MetricType.HISTOGRAM;
            this.labelNames = labelNames.clone();
            this.bounds = bounds == null ? null : bounds.clone();
            if (bounds != null) {
                this.snapshotBounds = Arrays.copyOf(bounds, bounds.length + 1);
                snapshotBounds[bounds.length] = Double.POSITIVE_INFINITY;
            } else {
                this.snapshotBounds = null;
            }
        }

        static Family histogram(PrometheusRegistry registry, ThreadCells cells, String name, String help, Unit unit,
                                double[] bounds, String... labelNames) {
            var family = new Family(cells, name, help, unit, bounds, labelNames);
            registry.register(family);
            return family;
        }

        static Family summary(PrometheusRegistry registry, ThreadCells cells, String name, String help,
                              String... labelNames) {
            var family = new Family(cells, name, help, null, null, labelNames);
            registry.register(family);
            return family;
        }

        /** The series of these label values (in the order of the label names), created on first use. */
        Distribution labelValues(String... values) {
            if (values.length != labelNames.length) {
                throw new IllegalArgumentException(metadata.getName() + " takes " + labelNames.length
                        + " label values, got " + values.length);
            }
            return series.computeIfAbsent(List.of(values), v -> new Distribution(cells, bounds));
        }

        List<String> labelNames() {
            return List.of(labelNames);
        }

        @Override
        public MetricSnapshot collect() {
            if (type == MetricType.HISTOGRAM) {
                var points = new ArrayList<HistogramSnapshot.HistogramDataPointSnapshot>();
                series.forEach((values, d) -> {
                    long[] counts = d.bucketCounts();
                    points.add(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                            .classicHistogramBuckets(ClassicHistogramBuckets.of(snapshotBounds, counts))
                            .sum(d.getSum()).labels(labels(values)).build());
                });
                return new HistogramSnapshot(metadata, points);
            }
            var points = new ArrayList<SummarySnapshot.SummaryDataPointSnapshot>();
            series.forEach((values, d) -> points.add(SummarySnapshot.SummaryDataPointSnapshot.builder()
                    .count(d.getCount()).sum(d.getSum()).quantiles(Quantiles.EMPTY).labels(labels(values)).build()));
            return new SummarySnapshot(metadata, points);
        }

        private Labels labels(List<String> values) {
            return Labels.of(labelNames, values.toArray(String[]::new));
        }

        @Override
        public String getPrometheusName() {
            return metadata.getPrometheusName();
        }

        @Override
        public MetricType getMetricType() {
            return type;
        }

        @Override
        public Set<String> getLabelNames() {
            return Set.of(labelNames);
        }

        @Override
        public MetricMetadata getMetadata() {
            return metadata;
        }
    }
}
