package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void aHistogramIsScrapedWithCumulativeBucketsCountAndSum() {
        var family = Distribution.Family.histogram(registry.getPrometheusRegistry(), new ThreadCells(), "test_wait_seconds", "Waits",
                Unit.SECONDS, new double[] {0.1, 1, 10}, "condition");
        var fast = family.labelValues("fast");
        fast.observe(0.05);
        fast.observe(0.1);   // a bound belongs to its own bucket (le = less or equal)
        fast.observe(0.5);
        fast.observe(50);
        fast.observe(Double.NaN);
        assertThat(family.labelValues("fast")).isSameAs(fast);
        assertThat(fast.getCount()).isEqualTo(4);
        assertThat(fast.getSum()).isEqualTo(50.65);

        var text = registry.scrape();
        assertThat(text).contains("# TYPE test_wait_seconds histogram");
        var s = Exposition.parse(text);
        var labels = Map.of("condition", "fast");
        assertThat(s.sum("test_wait_seconds_bucket", Map.of("condition", "fast", "le", "0.1"))).isEqualTo(2);
        assertThat(s.sum("test_wait_seconds_bucket", Map.of("condition", "fast", "le", "1.0"))).isEqualTo(3);
        assertThat(s.sum("test_wait_seconds_bucket", Map.of("condition", "fast", "le", "10.0"))).isEqualTo(3);
        assertThat(s.sum("test_wait_seconds_bucket", Map.of("condition", "fast", "le", "+Inf"))).isEqualTo(4);
        assertThat(s.sum("test_wait_seconds_count", labels)).isEqualTo(4);
        assertThat(s.sum("test_wait_seconds_sum", labels)).isEqualTo(50.65);
    }

    @Test
    void aSummaryIsScrapedWithCountAndSumOnly() {
        var family = Distribution.Family.summary(registry.getPrometheusRegistry(), new ThreadCells(), "test_score", "Scores", "role", "score");
        family.labelValues("buyer", "goal").observe(3);
        family.labelValues("buyer", "goal").observe(4.5);
        var text = registry.scrape();
        assertThat(text).contains("# TYPE test_score summary").doesNotContain("quantile");
        var s = Exposition.parse(text);
        assertThat(s.sum("test_score_count", Map.of("role", "buyer", "score", "goal"))).isEqualTo(2);
        assertThat(s.sum("test_score_sum", Map.of("role", "buyer", "score", "goal"))).isEqualTo(7.5);
    }

    @Test
    void concurrentObservationsAreAllCounted() throws InterruptedException {
        var d = Distribution.Family.histogram(registry.getPrometheusRegistry(), new ThreadCells(), "test_turn_seconds", "Turns",
                Unit.SECONDS, Buckets.DECISION).labelValues();
        var pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 100_000; i++) {
                    d.observe(0.002);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(d.getCount()).isEqualTo(400_000);
        assertThat(Exposition.parse(registry.scrape()).sum("test_turn_seconds_bucket", Map.of("le", "0.005")))
                .isEqualTo(400_000);
    }

    @Test
    void aSecondListenerOnOneRegistryIsRefusedWithAClearMessage() {
        new MonitoringListener(registry);
        assertThatThrownBy(() -> new MonitoringListener(registry)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one listener per registry");
    }

    @Test
    void labelValuesMustMatchTheLabelNames() {
        var family = Distribution.Family.summary(registry.getPrometheusRegistry(), new ThreadCells(), "test_other", "Other", "role");
        assertThatThrownBy(() -> family.labelValues("a", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test_other takes 1 label values, got 2");
    }
}
