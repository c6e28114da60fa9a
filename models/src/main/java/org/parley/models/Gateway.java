package org.parley.models;

import dev.langchain4j.model.chat.ChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One model behind its limits, shared by every episode on the node.
 *
 * <p>Each call runs on its own virtual thread, so waiting (for a slot, for a rate-limit token, for
 * the provider, for a backoff) costs no platform thread and never touches a Pekko dispatcher; the
 * returned future completes on that virtual thread. On the way a call:
 * <ol>
 *   <li>is answered from the record/replay cache when the mode allows it;</li>
 *   <li>waits in FIFO order for one of {@code max-concurrency} slots (queued, never dropped);</li>
 *   <li>reserves a request and its estimated tokens from the per-minute buckets, waiting as long as
 *       they say, and reconciles the token reservation with the provider's count afterwards;</li>
 *   <li>passes the circuit breaker, which fails it fast while the provider is known to be down;</li>
 *   <li>is retried on 429, 5xx, timeouts and broken connections with exponential backoff and full
 *       jitter, never sooner than Retry-After, releasing its slot while it backs off;</li>
 *   <li>is counted in the usage ledger per role and episode, and reported to the observer.</li>
 * </ol>
 */
public final class Gateway implements ModelGateway, AutoCloseable {
    private final ModelSpec spec;
    private final ChatModel model;
    private final HttpClient http;
    private final Secrets secrets;
    private final CacheMode cacheMode;
    private final ResponseCache cache;
    private final GatewayObserver observer;
    private final LongSupplier clock;
    private final Semaphore slots;
    private final TokenBucket requestBucket;
    private final TokenBucket tokenBucket;
    private final CircuitBreaker circuit;
    private final Backoff backoff;
    private final UsageLedger usage;
    private final ExecutorService workers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    private Gateway(ModelSpec spec, ChatModel model, HttpClient http, Secrets secrets, GatewayOptions options) {
        if (spec.name() == null || spec.name().isBlank()) {
            throw new IllegalArgumentException("a gateway needs a named model (the key under models:)");
        }
        this.spec = spec;
        this.model = model;
        this.http = http;
        this.secrets = secrets;
        this.observer = GuardedObserver.of(options.observer());
        this.clock = System::nanoTime;
        this.cacheMode = spec.cache() != null ? spec.cache() : options.cacheMode();
        if (cacheMode != CacheMode.OFF && options.cacheDir() == null) {
            throw new IllegalArgumentException("model '" + spec.name() + "': cache mode " + cacheMode.id()
                    + " needs a cache directory; set one or use cache: off");
        }
        this.cache = cacheMode == CacheMode.OFF ? null : new ResponseCache(options.cacheDir());
        this.slots = new Semaphore(spec.maxConcurrency(), true);
        this.requestBucket = spec.requestsPerMinute() > 0 ? TokenBucket.perMinute(spec.requestsPerMinute(), clock) : null;
        this.tokenBucket = spec.tokensPerMinute() > 0 ? TokenBucket.perMinute(spec.tokensPerMinute(), clock) : null;
        this.circuit = new CircuitBreaker(spec.name(), spec.circuit(), clock, observer);
        this.backoff = new Backoff(spec.retry(), CacheKey.sha256(spec.name()).hashCode());
        this.usage = new UsageLedger(spec.name(), spec.price());
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-" + spec.name() + "-", 0).factory());
    }

    /** A gateway for a configured model, talking to its provider through LangChain4j over the JDK HTTP client. */
    public static Gateway create(ModelSpec spec, GatewayOptions options) {
        var secrets = new Secrets();
        String key = spec.apiKeyEnv() == null ? null : options.environment().apply(spec.apiKeyEnv());
        if (key != null && key.isBlank()) {
            key = null;
        }
        if (key == null && (spec.provider() == Provider.OPENAI || spec.provider() == Provider.ANTHROPIC)) {
            throw new IllegalArgumentException("model '" + spec.name() + "': environment variable "
                    + spec.apiKeyEnv() + " is not set; export it with the " + spec.provider().id() + " API key");
        }
        secrets.add(key);
        var httpBuilder = HttpClient.newBuilder()
                .connectTimeout(spec.timeout());
        if (spec.baseUrl().startsWith("http://")) {
            // Plain-HTTP servers (vLLM, Ollama, llama.cpp) speak HTTP/1.1; skip the h2c upgrade dance.
            httpBuilder.version(HttpClient.Version.HTTP_1_1);
        }
        HttpClient http = httpBuilder.build();
        var model = ChatModels.create(spec, key, new ProviderHttpClientBuilder(http, secrets));
        return new Gateway(spec, model, http, secrets, options);
    }

    /** A gateway around any LangChain4j chat model (for embedding Parley with a model built elsewhere). */
    public static Gateway wrapping(ModelSpec spec, ChatModel model, GatewayOptions options) {
        return new Gateway(spec, model, null, new Secrets(), options);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public ModelSpec spec() {
        return spec;
    }

    public UsageLedger usage() {
        return usage;
    }

    public CircuitState circuitState() {
        return circuit.state();
    }

    /** Calls currently waiting for a slot. */
    public int queued() {
        return waiting.get();
    }

    /** Calls currently at the provider. */
    public int inFlight() {
        return inFlight.get();
    }

    public CacheMode cacheMode() {
        return cacheMode;
    }

    @Override
    public CompletableFuture<ModelReply> chat(ModelCall call) {
        var result = new CompletableFuture<ModelReply>();
        try {
            workers.execute(() -> {
                try {
                    result.complete(serve(call));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new GatewayException(spec.name(), FailureKind.OTHER, 0,
                    "model '" + spec.name() + "': the gateway is closed"));
        }
        return result;
    }

    /** Sends one tiny call straight to the provider (no cache), for {@code parley models check}. */
    public CompletableFuture<ModelReply> ping() {
        var call = ModelCall.of(java.util.List.of(PromptMessage.user("Reply with the single word: ok")))
                .withSampling(null, 5).forEpisode("-", "models-check");
        var result = new CompletableFuture<ModelReply>();
        workers.execute(() -> {
            try {
                result.complete(callProvider(call));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private ModelReply serve(ModelCall call) throws InterruptedException {
        String key = null;
        Map<String, Object> document = null;
        if (cacheMode != CacheMode.OFF) {
            document = CacheKey.document(spec, call);
            key = CacheKey.sha256(CacheKey.canonicalJson(document));
            if (cacheMode.reads()) {
                var hit = cache.read(key);
                if (hit.isPresent()) {
                    usage.cached(call.role(), call.episode());
                    observer.onCacheHit(spec.name(), call.role());
                    return hit.get();
                }
                if (cacheMode == CacheMode.REPLAY) {
                    usage.failure(call.role(), call.episode());
                    observer.onFailure(spec.name(), call.role(), FailureKind.REPLAY_MISS, 0);
                    throw new ReplayMissException(spec.name(), key, cache.directory().toString());
                }
            }
        }
        ModelReply reply = callProvider(call);
        if (cacheMode.writes()) {
            cache.write(key, document, reply);
        }
        return reply;
    }

    private ModelReply callProvider(ModelCall call) throws InterruptedException {
        String role = call.role();
        long estimate = TokenEstimate.ofCall(call);
        Integer cap = call.maxTokens() != null ? call.maxTokens() : spec.maxTokens();
        long reserve = estimate + (cap == null ? 0 : cap);
        var request = ChatModels.request(spec, call);
        int attempt = 0;
        while (true) {
            attempt++;
            long queuedAt = clock.getAsLong();
            observer.onQueued(spec.name(), waiting.incrementAndGet());
            try {
                slots.acquire();
            } finally {
                waiting.decrementAndGet();
            }
            Duration delay;
            try {
                sleepNanos(requestBucket == null ? 0 : requestBucket.reserve(1));
                sleepNanos(tokenBucket == null ? 0 : tokenBucket.reserve(reserve));
                if (!circuit.tryPass()) {
                    usage.failure(role, call.episode());
                    observer.onFailure(spec.name(), role, FailureKind.CIRCUIT_OPEN, attempt);
                    if (tokenBucket != null) {
                        tokenBucket.adjust(reserve);
                    }
                    throw new GatewayException(spec.name(), FailureKind.CIRCUIT_OPEN, attempt, "model '" + spec.name()
                            + "': circuit open after repeated provider failures; calls resume in "
                            + Duration.ofNanos(circuit.remainingOpenNanos()).toMillis() + " ms");
                }
                long start = clock.getAsLong();
                observer.onAttemptStart(spec.name(), role, Duration.ofNanos(start - queuedAt), inFlight.incrementAndGet());
                try {
                    var response = model.chat(request);
                    long latency = clock.getAsLong() - start;
                    ModelReply reply = ChatModels.reply(response, estimate);
                    circuit.onSuccess();
                    if (tokenBucket != null) {
                        tokenBucket.adjust(reserve - (reply.inputTokens() + reply.outputTokens()));
                    }
                    usage.response(role, call.episode(), reply.inputTokens(), reply.outputTokens(), latency);
                    observer.onResponse(spec.name(), role, Duration.ofNanos(latency), reply.inputTokens(),
                            reply.outputTokens(), usage.cost(reply.inputTokens(), reply.outputTokens()));
                    return reply;
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        circuit.onAbandoned();
                        throw new InterruptedException("gateway closed during a call");
                    }
                    var failure = Failures.classify(e);
                    if (failure.kind().retriable()) {
                        circuit.onFailure();
                    } else {
                        circuit.onSuccess();
                    }
                    if (!failure.kind().retriable() || attempt >= spec.retry().maxAttempts()) {
                        usage.failure(role, call.episode());
                        observer.onFailure(spec.name(), role, failure.kind(), attempt);
                        throw new GatewayException(spec.name(), failure.kind(), attempt, secrets.redact(
                                "model '" + spec.name() + "': " + Failures.describe(e) + " (after " + attempt
                                        + (attempt == 1 ? " attempt)" : " attempts)")));
                    }
                    delay = backoff.delay(attempt, failure.retryAfter());
                    usage.retry(role, call.episode());
                    observer.onRetry(spec.name(), role, failure.kind(), attempt, delay);
                } finally {
                    inFlight.decrementAndGet();
                }
            } finally {
                slots.release();
            }
            sleepNanos(delay.toNanos());
        }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** Stops accepting calls and interrupts those in progress. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "Gateway[" + spec.name() + " -> " + spec.provider().id() + ":" + spec.model() + "]";
    }
}
