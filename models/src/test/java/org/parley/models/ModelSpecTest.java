package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
    private final JsonMapper json = new JsonMapper();

    @Test
    void bindsTheScenarioShapeWithKebabCaseKeysAndShortDurations() throws Exception {
        var spec = json.readValue("""
                {"provider": "openai-compatible", "model": "qwen2.5-7b", "base-url": "http://localhost:8000/v1/",
                 "api-key-env": "VLLM_KEY", "temperature": 0.7, "max-tokens": 256, "timeout": "45s",
                 "max-concurrency": 32, "requests-per-minute": 600, "tokens-per-minute": 200000,
                 "price": {"input-per-million": 0.15, "output-per-million": 0.6},
                 "retry": {"max-attempts": 3, "initial-backoff": "250ms", "max-backoff": "10s"},
                 "circuit": {"failure-threshold": 4, "open-for": "1m"}, "cache": "auto"}
                """, ModelSpec.class).withName("qwen");

        assertThat(spec.name()).isEqualTo("qwen");
        assertThat(spec.provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
        assertThat(spec.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(spec.maxConcurrency()).isEqualTo(32);
        assertThat(spec.requestsPerMinute()).isEqualTo(600);
        assertThat(spec.price().cost(1_000_000, 1_000_000)).isEqualTo(0.75);
        assertThat(spec.retry().initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(spec.circuit().openFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(spec.cache()).isEqualTo(CacheMode.AUTO);
    }

    @Test
    void defaultsPerProvider() throws Exception {
        var spec = json.readValue("{\"provider\": \"anthropic\", \"model\": \"claude-sonnet\"}", ModelSpec.class);
        assertThat(spec.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(spec.apiKeyEnv()).isEqualTo("ANTHROPIC_API_KEY");
        assertThat(spec.maxConcurrency()).isEqualTo(8);
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.requestsPerMinute()).isZero();
    }

    @Test
    void rejectsBadInputWithAFix() {
        assertThatThrownBy(() -> ModelSpec.of("x", Provider.OPENAI_COMPATIBLE, "m", null))
                .hasMessageContaining("base-url is required");
        assertThatThrownBy(() -> ModelSpec.of("x", Provider.OPENAI, "m", null).withApiKeyEnv("sk-abc123"))
                .hasMessageContaining("NAME of an environment variable");
        assertThatThrownBy(() -> ModelSpec.of("x", Provider.OPENAI, "m", null).withLimits(0, 0, 0))
                .hasMessageContaining("max-concurrency must be at least 1");
        assertThatThrownBy(() -> json.readValue("{\"provider\": \"gemini\", \"model\": \"m\"}", ModelSpec.class))
                .hasMessageContaining("use one of openai, openai-compatible, ollama, anthropic");
        assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("500ms, 30s, 2m");
    }
}
