package org.parley.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.models.CircuitState;
import org.parley.models.FailureKind;
import org.parley.monitoring.LlmMetrics;

/** The gateway observer keeps the LLM gauges balanced and counts by cause. */
class GatewayMetricsTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final GatewayMetrics metrics = new GatewayMetrics(new LlmMetrics(registry));

    double gauge(String name) {
        return registry.get(name).tag("model", "gpt").gauge().value();
    }

    double errors(String cause) {
        return registry.get("parley.llm.errors").tag("model", "gpt").tag("cause", cause).counter().count();
    }

    @Test
    void aCallThatIsRetriedThenSucceedsLeavesNothingQueuedOrInFlight() {
        metrics.onQueued("gpt", 1);
        metrics.onAttemptStart("gpt", "buyer", Duration.ofMillis(3), 1);
        assertThat(gauge("parley.llm.requests.in.flight")).isEqualTo(1);
        metrics.onRetry("gpt", "buyer", FailureKind.RATE_LIMITED, 1, Duration.ofMillis(10));
        metrics.onQueued("gpt", 1);
        metrics.onAttemptStart("gpt", "buyer", Duration.ofMillis(3), 1);
        metrics.onResponse("gpt", "buyer", Duration.ofMillis(120), 100, 20, 0.001);

        assertThat(gauge("parley.llm.requests.in.flight")).isZero();
        assertThat(gauge("parley.llm.requests.queued")).isZero();
        assertThat(errors("rate-limited")).isEqualTo(1);
        assertThat(registry.get("parley.llm.retries").tag("model", "gpt").counter().count()).isEqualTo(1);
        assertThat(registry.get("parley.llm.input.tokens").tag("model", "gpt").counter().count()).isEqualTo(100);
    }

    @Test
    void aCallRefusedByAnOpenCircuitLeavesTheQueue() {
        metrics.onCircuitChange("gpt", CircuitState.CLOSED, CircuitState.OPEN, 10);
        metrics.onQueued("gpt", 1);
        metrics.onFailure("gpt", "judge", FailureKind.CIRCUIT_OPEN, 1);
        metrics.onFailure("gpt", "judge", FailureKind.REPLAY_MISS, 0);

        assertThat(gauge("parley.llm.requests.queued")).isZero();
        assertThat(gauge("parley.llm.requests.in.flight")).isZero();
        assertThat(gauge("parley.llm.circuit.state")).isEqualTo(2);
        assertThat(errors("circuit-open")).isEqualTo(1);
        assertThat(errors("other")).isEqualTo(1);
    }
}
