package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LlmMetrics llm = new LlmMetrics(registry);

    private Exposition scrape() {
        return Exposition.parse(registry.scrape());
    }

    @Test
    void aModelHasEverySeriesAtZeroAsSoonAsItRegistersAndReplacesThePlaceholder() {
        assertThat(scrape().samples("parley_llm_requests_total")).allMatch(s -> s.labels().get("model").equals("none"));
        llm.model("gpt-4o-mini");
        var s = scrape();
        assertThat(s.samples().stream().filter(x -> "none".equals(x.labels().get("model")))).isEmpty();
        for (var name : new String[] {"parley_llm_requests_total", "parley_llm_input_tokens_total",
                "parley_llm_output_tokens_total", "parley_llm_request_latency_seconds_count", "parley_llm_retries_total",
                "parley_llm_errors_total", "parley_llm_requests_in_flight", "parley_llm_requests_queued",
                "parley_llm_circuit_state", "parley_llm_cost_usd_total"}) {
            assertThat(s.samples(name)).as(name).isNotEmpty().allMatch(x -> x.value() == 0);
        }
        assertThat(s.samples("parley_llm_errors_total")).hasSize(LlmMetrics.ErrorCause.values().length);
    }

    @Test
    void recordsARequestLifecycle() {
        var model = llm.model("local");
        assertThat(llm.model("local")).isSameAs(model);
        model.enqueued();
        model.enqueued();
        model.dequeued();
        model.requestStarted();
        assertThat(scrape().sum("parley_llm_requests_queued", Map.of())).isEqualTo(1);
        assertThat(scrape().sum("parley_llm_requests_in_flight", Map.of())).isEqualTo(1);
        model.requestFailed(Duration.ofMillis(300), LlmMetrics.ErrorCause.RATE_LIMITED);
        model.retried();
        model.requestStarted();
        model.requestSucceeded(Duration.ofMillis(900), 1200, 80, 0.0031);
        model.error(LlmMetrics.ErrorCause.MALFORMED_OUTPUT);
        model.circuit(LlmMetrics.CircuitState.OPEN);

        var s = scrape();
        assertThat(s.sum("parley_llm_requests_in_flight", Map.of())).isZero();
        assertThat(s.sum("parley_llm_requests_total", Map.of("outcome", "success"))).isEqualTo(1);
        assertThat(s.sum("parley_llm_requests_total", Map.of("outcome", "error"))).isEqualTo(1);
        assertThat(s.sum("parley_llm_errors_total", Map.of("cause", "rate-limited"))).isEqualTo(1);
        assertThat(s.sum("parley_llm_errors_total", Map.of("cause", "malformed-output"))).isEqualTo(1);
        assertThat(s.sum("parley_llm_retries_total", Map.of())).isEqualTo(1);
        assertThat(s.sum("parley_llm_input_tokens_total", Map.of())).isEqualTo(1200);
        assertThat(s.sum("parley_llm_output_tokens_total", Map.of())).isEqualTo(80);
        assertThat(s.sum("parley_llm_cost_usd_total", Map.of())).isEqualTo(0.0031);
        assertThat(s.sum("parley_llm_request_latency_seconds_count", Map.of())).isEqualTo(2);
        assertThat(s.sum("parley_llm_request_latency_seconds_sum", Map.of())).isEqualTo(1.2);
        assertThat(s.sum("parley_llm_circuit_state", Map.of("model", "local"))).isEqualTo(2);
    }
}
