package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsExporterTest {

    @Test
    void servesMetricsOnAnEphemeralLoopbackPortWithJvmAndProcessMetrics() throws Exception {
        try (var exporter = MetricsExporter.start(0)) {
            assertThat(exporter.port()).isPositive();
            assertThat(exporter.url()).isEqualTo("http://127.0.0.1:" + exporter.port() + "/metrics");
            var response = Scrapes.get(exporter.url());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            var scrape = Exposition.parse(response.body());
            assertThat(scrape.types()).containsKeys("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
                    "jvm_threads_live_threads", "jvm_classes_loaded_classes", "system_cpu_count", "process_uptime_seconds");
            // The LLM placeholder is there before any run.
            assertThat(scrape.sum("parley_llm_requests_total", Map.of("model", "none"))).isZero();
        }
    }

    @Test
    void aRunThroughItsSinkShowsUpInTheScrape() throws Exception {
        try (var exporter = MetricsExporter.start(0)) {
            SyntheticRun.drive(exporter.metrics(), SyntheticRun.plan(2, 1));
            assertThat(Scrapes.scrape(exporter).sum("parley_episodes_completed_total", Map.of())).isEqualTo(3);
        }
    }

    @Test
    void closingStopsTheEndpoint() throws Exception {
        String url;
        try (var exporter = MetricsExporter.start(0)) {
            url = exporter.url();
        }
        assertThatThrownBy(() -> Scrapes.get(url)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortGivesAnErrorThatSaysWhatToDo() {
        try (var first = MetricsExporter.start(0)) {
            assertThatThrownBy(() -> MetricsExporter.start(first.port()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port())
                    .hasMessageContaining("--metrics-port")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void rejectsAnImpossiblePort() {
        assertThatThrownBy(() -> MetricsExporter.start(70000)).hasMessageContaining("0..65535");
    }

    @Test
    void lingerKeepsServingForTheGivenTimeAndStopsEarlyOnInterrupt() throws Exception {
        try (var exporter = MetricsExporter.start(0)) {
            long start = System.nanoTime();
            exporter.linger(Duration.ofMillis(200));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(Scrapes.get(exporter.url()).statusCode()).isEqualTo(200);

            Thread.currentThread().interrupt();
            start = System.nanoTime();
            exporter.linger(Duration.ofMinutes(5));
            assertThat(Thread.interrupted()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
