package org.parley.monitoring;

import static org.parley.monitoring.MetricNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Metrics of the LLM gateway, per model: requests, tokens, latency, retries, errors by cause,
 * in-flight and queued requests, circuit state and cost. The gateway calls {@link #model(String)}
 * once per configured model and then the methods of {@link Model}; every series of a model exists
 * (at zero) from that moment, so dashboards have data before the first request.
 *
 * <p>Until a real model registers, one placeholder model {@code none} holds zero series, so the
 * LLM panels of a rule-based run read 0 instead of "no data". It is removed when the first real
 * model registers.
 */
public final class LlmMetrics {
    /** Model label of the zero series a run without LLM minds shows. */
    public static final String PLACEHOLDER_MODEL = "none";

    /** Why a request failed; a closed set keeps the {@code cause} label bounded. */
    public enum ErrorCause {
        TIMEOUT, RATE_LIMITED, SERVER_ERROR, CLIENT_ERROR, NETWORK, MALFORMED_OUTPUT, CIRCUIT_OPEN, OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Circuit-breaker state; the gauge reads 0 closed, 1 half-open, 2 open. */
    public enum CircuitState { CLOSED, HALF_OPEN, OPEN }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Model> models = new ConcurrentHashMap<>();
    private volatile boolean placeholderPresent;

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
        models.put(PLACEHOLDER_MODEL, new Model(PLACEHOLDER_MODEL));
        placeholderPresent = true;
    }

    /** The meters of one model (by the name scenarios use, e.g. {@code gpt-4o-mini}); idempotent. */
    public Model model(String name) {
        var m = models.get(name);
        if (m != null) {
            return m;
        }
        m = models.computeIfAbsent(name, Model::new);
        if (placeholderPresent && !PLACEHOLDER_MODEL.equals(name)) {
            synchronized (this) {
                if (placeholderPresent) {
                    placeholderPresent = false;
                    var placeholder = models.remove(PLACEHOLDER_MODEL);
                    placeholder.meters.forEach(registry::remove);
                }
            }
        }
        return m;
    }

    /** All series of one model. Methods are thread-safe and allocate nothing. */
    public final class Model {
        private final List<Meter> meters = new ArrayList<>();
        private final Counter succeeded;
        private final Counter failed;
        private final Counter inputTokens;
        private final Counter outputTokens;
        private final Timer latency;
        private final Counter retries;
        private final Counter cost;
        private final Map<ErrorCause, Counter> errors = new EnumMap<>(ErrorCause.class);
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicInteger circuit = new AtomicInteger();

        private Model(String name) {
            var tags = Tags.of(MODEL, name);
            succeeded = keep(Counter.builder(LLM_REQUESTS).description("LLM requests finished, by outcome")
                    .tags(tags).tag("outcome", "success").register(registry));
            failed = keep(Counter.builder(LLM_REQUESTS).description("LLM requests finished, by outcome")
                    .tags(tags).tag("outcome", "error").register(registry));
            inputTokens = keep(Counter.builder(LLM_INPUT_TOKENS).description("Prompt tokens sent")
                    .baseUnit("tokens").tags(tags).register(registry));
            outputTokens = keep(Counter.builder(LLM_OUTPUT_TOKENS).description("Completion tokens received")
                    .baseUnit("tokens").tags(tags).register(registry));
            latency = keep(Timer.builder(LLM_REQUEST_LATENCY).description("Latency of one provider request")
                    .tags(tags).serviceLevelObjectives(Buckets.durations(Buckets.LLM_REQUEST)).register(registry));
            retries = keep(Counter.builder(LLM_RETRIES).description("Requests retried after a failure")
                    .tags(tags).register(registry));
            cost = keep(Counter.builder(LLM_COST).description("Estimated cost in US dollars")
                    .tags(tags).register(registry));
            for (var cause : ErrorCause.values()) {
                errors.put(cause, keep(Counter.builder(LLM_ERRORS).description("Failed LLM requests, by cause")
                        .tags(tags).tag(CAUSE, cause.label()).register(registry)));
            }
            keep(Gauge.builder(LLM_IN_FLIGHT, inFlight, AtomicInteger::get).description("Requests sent, not yet answered")
                    .tags(tags).strongReference(true).register(registry));
            keep(Gauge.builder(LLM_QUEUED, queued, AtomicInteger::get).description("Requests waiting for a concurrency or rate-limit slot")
                    .tags(tags).strongReference(true).register(registry));
            keep(Gauge.builder(LLM_CIRCUIT_STATE, circuit, AtomicInteger::get)
                    .description("Circuit breaker: 0 closed, 1 half-open, 2 open")
                    .tags(tags).strongReference(true).register(registry));
        }

        private <M extends Meter> M keep(M meter) {
            meters.add(meter);
            return meter;
        }

        /** A request waits for a slot. */
        public void enqueued() {
            queued.incrementAndGet();
        }

        /** A waiting request got its slot (or was abandoned). */
        public void dequeued() {
            queued.decrementAndGet();
        }

        /** A request went to the provider. */
        public void requestStarted() {
            inFlight.incrementAndGet();
        }

        /** A request returned; tokens and cost as the provider reported them. */
        public void requestSucceeded(Duration latency, long inputTokens, long outputTokens, double costUsd) {
            inFlight.decrementAndGet();
            succeeded.increment();
            this.latency.record(latency);
            this.inputTokens.increment(inputTokens);
            this.outputTokens.increment(outputTokens);
            if (costUsd > 0) {
                cost.increment(costUsd);
            }
        }

        /** A request failed (each attempt counts; a retry follows with {@link #retried()}). */
        public void requestFailed(Duration latency, ErrorCause cause) {
            inFlight.decrementAndGet();
            failed.increment();
            this.latency.record(latency);
            errors.get(cause).increment();
        }

        /** A failure that never reached the provider (circuit open, malformed output after parsing). */
        public void error(ErrorCause cause) {
            errors.get(cause).increment();
        }

        public void retried() {
            retries.increment();
        }

        public void circuit(CircuitState state) {
            circuit.set(state.ordinal());
        }
    }
}
