package org.parley.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * One named model of a scenario's {@code models:} section.
 *
 * <p>The API key never appears here: {@code api-key-env} names the environment variable that holds
 * it, and the key is read only when the provider client is built. That keeps keys out of scenario
 * files, manifests, logs and this record's {@code toString()}.
 *
 * @param name              the name agents and judges use to refer to the model
 * @param provider          wire protocol
 * @param model             the provider's model id ({@code gpt-4o-mini}, {@code llama3.1:8b})
 * @param baseUrl           endpoint; defaults per provider, required for {@code openai-compatible}
 * @param apiKeyEnv         environment variable holding the key; defaults per provider; may be unset
 *                          for local servers
 * @param temperature       sampling temperature, or null for the provider default
 * @param maxTokens         completion token cap, or null for the provider default
 * @param timeout           per-attempt timeout (default 60s)
 * @param maxConcurrency    requests in flight at once (default 8); more wait in a FIFO queue
 * @param requestsPerMinute request rate limit, 0 for none
 * @param tokensPerMinute   token rate limit (prompt + completion), 0 for none
 * @param price             price per million tokens, for cost accounting
 * @param retry             retry policy
 * @param circuit           circuit breaker settings
 * @param cache             record/replay mode for this model, or null to use the run's
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        String name,
        Provider provider,
        String model,
        @JsonProperty("base-url") String baseUrl,
        @JsonProperty("api-key-env") String apiKeyEnv,
        Double temperature,
        @JsonProperty("max-tokens") Integer maxTokens,
        @JsonDeserialize(using = DurationText.Deserializer.class) Duration timeout,
        @JsonProperty("max-concurrency") Integer maxConcurrency,
        @JsonProperty("requests-per-minute") Integer requestsPerMinute,
        @JsonProperty("tokens-per-minute") Integer tokensPerMinute,
        Pricing price,
        RetrySettings retry,
        CircuitSettings circuit,
        CacheMode cache) {

    public ModelSpec {
        String where = "model " + (name == null ? "(unnamed)" : "'" + name + "'");
        if (provider == null) {
            throw new IllegalArgumentException(where + ": provider is required; use openai, openai-compatible, ollama or anthropic");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(where + ": model is required (the provider's model id, e.g. gpt-4o-mini)");
        }
        if (baseUrl == null) {
            baseUrl = provider.defaultBaseUrl();
            if (baseUrl == null) {
                throw new IllegalArgumentException(where + ": base-url is required for provider " + provider.id()
                        + " (e.g. http://localhost:8000/v1)");
            }
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (apiKeyEnv == null) {
            apiKeyEnv = provider.defaultKeyEnv();
        }
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(where + ": api-key-env must be the NAME of an environment variable"
                    + " (e.g. OPENAI_API_KEY), never the key itself");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException(where + ": temperature must be between 0 and 2, was " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException(where + ": max-tokens must be at least 1, was " + maxTokens);
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(where + ": timeout must be positive, was " + timeout);
        }
        maxConcurrency = maxConcurrency == null ? 8 : maxConcurrency;
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(where + ": max-concurrency must be at least 1, was " + maxConcurrency);
        }
        requestsPerMinute = requestsPerMinute == null ? 0 : requestsPerMinute;
        tokensPerMinute = tokensPerMinute == null ? 0 : tokensPerMinute;
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException(where + ": requests-per-minute and tokens-per-minute must be >= 0 (0 = no limit)");
        }
        price = price == null ? Pricing.FREE : price;
        retry = retry == null ? RetrySettings.DEFAULT : retry;
        circuit = circuit == null ? CircuitSettings.DEFAULT : circuit;
    }

    /** The minimal spec: a provider and a model id, everything else defaulted. */
    public static ModelSpec of(String name, Provider provider, String model, String baseUrl) {
        return new ModelSpec(name, provider, model, baseUrl, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same spec under the name given by the key of the {@code models:} map. */
    public ModelSpec withName(String newName) {
        return new ModelSpec(newName, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, retry, circuit, cache);
    }

    public ModelSpec withApiKeyEnv(String env) {
        return new ModelSpec(name, provider, model, baseUrl, env, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, retry, circuit, cache);
    }

    public ModelSpec withLimits(int concurrency, int rpm, int tpm) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout,
                concurrency, rpm, tpm, price, retry, circuit, cache);
    }

    public ModelSpec withTimeout(Duration t) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, t,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, retry, circuit, cache);
    }

    public ModelSpec withRetry(RetrySettings r) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, r, circuit, cache);
    }

    public ModelSpec withCircuit(CircuitSettings c) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, retry, c, cache);
    }

    public ModelSpec withCache(CacheMode mode) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, retry, circuit, mode);
    }

    public ModelSpec withPrice(Pricing p) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, p, retry, circuit, cache);
    }

    public ModelSpec withSampling(Double temp, Integer maxTok) {
        return new ModelSpec(name, provider, model, baseUrl, apiKeyEnv, temp, maxTok, timeout,
                maxConcurrency, requestsPerMinute, tokensPerMinute, price, retry, circuit, cache);
    }
}
