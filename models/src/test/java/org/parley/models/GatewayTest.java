package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;
import org.parley.runtime.environment.ActionSpace;

class GatewayTest {
    private final ScriptedModelServer server = ScriptedModelServer.start();
    private final List<Gateway> gateways = new ArrayList<>();

    @AfterEach
    void tearDown() {
        gateways.forEach(Gateway::close);
        server.close();
    }

    private ModelSpec spec() {
        return ModelSpec.of("local", Provider.OPENAI_COMPATIBLE, "test-model", server.openAiBaseUrl())
                .withRetry(new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(50)))
                .withTimeout(Duration.ofSeconds(5));
    }

    private Gateway gateway(ModelSpec spec) {
        return gateway(spec, GatewayOptions.defaults());
    }

    private Gateway gateway(ModelSpec spec, GatewayOptions options) {
        var g = Gateway.create(spec, options);
        gateways.add(g);
        return g;
    }

    private static ModelCall hello() {
        return ModelCall.of(List.of(PromptMessage.system("You are terse."), PromptMessage.user("Say hi")))
                .forEpisode("baseline/0001", "buyer");
    }

    private static ModelReply await(CompletableFuture<ModelReply> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<ModelReply> f) {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void answersThroughTheOpenAiProtocolAndAccountsUsage() throws Exception {
        server.enqueue(new Reply.Text("hi there", 0, 20, 3));
        var g = gateway(spec().withPrice(new Pricing(1.0, 2.0)));

        ModelReply reply = await(g.chat(hello()));

        assertThat(reply.text()).isEqualTo("hi there");
        assertThat(reply.inputTokens()).isEqualTo(20);
        assertThat(reply.outputTokens()).isEqualTo(3);
        var req = server.requests().get(0);
        assertThat(req.json().path("model").asText()).isEqualTo("test-model");
        assertThat(req.lastUserText()).isEqualTo("Say hi");
        var rows = g.usage().episode("baseline/0001");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.role()).isEqualTo("buyer");
            assertThat(r.requests()).isEqualTo(1);
            assertThat(r.inputTokens()).isEqualTo(20);
            assertThat(r.outputTokens()).isEqualTo(3);
            assertThat(r.cost()).isEqualTo((20 * 1.0 + 3 * 2.0) / 1e6);
            assertThat(r.latencyMillis()).isPositive();
        });
    }

    @Test
    void sendsEnvironmentToolsAndReturnsToolCalls() throws Exception {
        server.enqueue(Reply.toolCall("offer", "{\"price\": 120}"));
        var tool = new ActionSpace.ToolSpec("offer", "Make a price offer",
                "{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"integer\",\"description\":\"in dollars\"}},"
                        + "\"required\":[\"price\"]}");
        var g = gateway(spec());

        ModelReply reply = await(g.chat(hello().withTools(List.of(tool))));

        assertThat(reply.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("offer");
            assertThat(c.arguments()).contains("120");
        });
        var sent = server.requests().get(0).json().path("tools").get(0).path("function");
        assertThat(sent.path("name").asText()).isEqualTo("offer");
        assertThat(sent.path("parameters").path("properties").path("price").path("type").asText()).isEqualTo("integer");
        assertThat(sent.path("parameters").path("required").get(0).asText()).isEqualTo("price");
    }

    @Test
    void retriesA429AfterTheRetryAfterTheProviderAskedFor() throws Exception {
        server.enqueue(Reply.tooManyRequests("1"), Reply.text("done"));
        var retries = Collections.synchronizedList(new ArrayList<Duration>());
        var g = gateway(spec(), GatewayOptions.defaults().withObserver(new GatewayObserver() {
            @Override
            public void onRetry(String model, String role, FailureKind kind, int attempt, Duration delay) {
                assertThat(kind).isEqualTo(FailureKind.RATE_LIMITED);
                retries.add(delay);
            }
        }));

        long start = System.nanoTime();
        ModelReply reply = await(g.chat(hello()));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.text()).isEqualTo("done");
        assertThat(server.requestCount()).isEqualTo(2);
        // Backoff alone is capped at 50 ms here; the wait comes from Retry-After.
        assertThat(retries).singleElement().isEqualTo(Duration.ofSeconds(1));
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
        var gap = server.requests().get(1).arrivedNanos() - server.requests().get(0).arrivedNanos();
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(990).toNanos());
        assertThat(g.usage().total().retries()).isEqualTo(1);
    }

    @Test
    void retriesAServerError() throws Exception {
        server.enqueue(Reply.serverError(), Reply.text("recovered"));
        var g = gateway(spec());

        assertThat(await(g.chat(hello())).text()).isEqualTo("recovered");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(g.usage().total().retries()).isEqualTo(1);
        assertThat(g.usage().total().failures()).isZero();
    }

    @Test
    void retriesAfterATimeout() throws Exception {
        server.enqueue(Reply.slowText("too late", 3000), Reply.text("in time"));
        var kinds = Collections.synchronizedList(new ArrayList<FailureKind>());
        var g = gateway(spec().withTimeout(Duration.ofMillis(400)), GatewayOptions.defaults().withObserver(
                new GatewayObserver() {
                    @Override
                    public void onRetry(String model, String role, FailureKind kind, int attempt, Duration delay) {
                        kinds.add(kind);
                    }
                }));

        long start = System.nanoTime();
        assertThat(await(g.chat(hello())).text()).isEqualTo("in time");
        assertThat(kinds).containsExactly(FailureKind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aFailingObserverDoesNotFailTheCall() throws Exception {
        server.enqueue(Reply.text("still fine"));
        var g = gateway(spec(), GatewayOptions.defaults().withObserver(new GatewayObserver() {
            @Override
            public void onResponse(String model, String role, Duration latency, long in, long out, double cost) {
                throw new IllegalStateException("metrics backend down");
            }
        }));
        assertThat(await(g.chat(hello())).text()).isEqualTo("still fine");
    }

    @Test
    void doesNotRetryARejectedRequest() {
        server.enqueue(Reply.status(400, "{\"error\":{\"message\":\"bad request: unknown field\"}}"));
        var g = gateway(spec());

        Throwable error = failure(g.chat(hello()));

        assertThat(error).isInstanceOf(GatewayException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("local");
        assertThat(((GatewayException) error).kind()).isEqualTo(FailureKind.REJECTED);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        server.otherwise(r -> Reply.serverError());
        var g = gateway(spec().withRetry(new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5))));

        Throwable error = failure(g.chat(hello()));

        assertThat(error).isInstanceOf(GatewayException.class).hasMessageContaining("after 3 attempts");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(g.usage().total().failures()).isEqualTo(1);
        assertThat(g.usage().total().retries()).isEqualTo(2);
    }

    @Test
    void circuitOpensOnSustainedFailureAndClosesAfterAProbeSucceeds() throws Exception {
        var healthy = new AtomicBoolean(false);
        server.otherwise(r -> healthy.get() ? Reply.text("back") : Reply.serverError());
        var changes = Collections.synchronizedList(new ArrayList<String>());
        var g = gateway(spec()
                        .withRetry(new RetrySettings(1, Duration.ZERO, Duration.ZERO))
                        .withCircuit(new CircuitSettings(3, Duration.ofMillis(300))),
                GatewayOptions.defaults().withObserver(new GatewayObserver() {
                    @Override
                    public void onCircuitChange(String model, CircuitState from, CircuitState to, int failures) {
                        changes.add(from + "->" + to);
                    }
                }));

        for (int i = 0; i < 3; i++) {
            assertThat(((GatewayException) failure(g.chat(hello()))).kind()).isEqualTo(FailureKind.SERVER_ERROR);
        }
        assertThat(g.circuitState()).isEqualTo(CircuitState.OPEN);
        var fastFail = (GatewayException) failure(g.chat(hello()));
        assertThat(fastFail.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(fastFail).hasMessageContaining("circuit open");
        assertThat(server.requestCount()).isEqualTo(3);

        healthy.set(true);
        Thread.sleep(350);
        assertThat(await(g.chat(hello())).text()).isEqualTo("back");
        assertThat(g.circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(changes).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void neverHasMoreThanMaxConcurrencyRequestsInFlight() throws Exception {
        server.otherwise(r -> Reply.slowText("ok", 60));
        var g = gateway(spec().withLimits(8, 0, 0));

        var calls = new ArrayList<CompletableFuture<ModelReply>>();
        for (int i = 0; i < 64; i++) {
            calls.add(g.chat(hello()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(server.requestCount()).isEqualTo(64);
        assertThat(server.maxInFlight()).isEqualTo(8);
    }

    @Test
    void keepsTheObservedRequestRateWithinRequestsPerMinute() throws Exception {
        // 1200 per minute = 20 per second, with a burst of one second's worth.
        var g = gateway(spec().withLimits(64, 1200, 0));
        int n = 50;
        var calls = new ArrayList<CompletableFuture<ModelReply>>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            calls.add(g.chat(hello()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;

        // 20 go at once, the other 30 are paced at 20/s: at least 1.5 s.
        assertThat(seconds).isGreaterThanOrEqualTo(1.45);
        var arrivals = server.requests().stream().mapToLong(r -> r.arrivedNanos()).sorted().toArray();
        for (int i = 0; i < arrivals.length; i++) {
            int inWindow = 0;
            for (int j = i; j < arrivals.length && arrivals[j] - arrivals[i] < 1_000_000_000L; j++) {
                inWindow++;
            }
            // Over any one-second window: at most burst (20) + rate × 1 s (20), plus a request or two
            // whose network delay bunched it with the next (arrivals are timed at the server).
            assertThat(inWindow).isLessThanOrEqualTo(42);
        }
        // And over the whole run: 50 arrivals need at least (50 - burst 20) / 20 per second = 1.5 s,
        // less a request or two of network jitter at the server.
        double span = (arrivals[n - 1] - arrivals[0]) / 1e9;
        assertThat(span).isGreaterThanOrEqualTo((n - 20 - 2) / 20.0);
    }

    @Test
    void paysForTokensPerMinuteBeforeSendingAndCountsWhatTheProviderReports() throws Exception {
        // About 1000 prompt tokens per call; 120,000 per minute = 2000 per second, burst 2000.
        server.otherwise(r -> new Reply.Text("ok", 0, 1000, 1));
        var g = gateway(spec().withLimits(64, 0, 120_000));
        var big = ModelCall.of(List.of(PromptMessage.user("x".repeat(4000)))).forEpisode("e", "r");
        var calls = new ArrayList<CompletableFuture<ModelReply>>();
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            calls.add(g.chat(big));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;

        // Two fit in the burst; the other ~4000 tokens refill at 2000/s.
        assertThat(seconds).isGreaterThanOrEqualTo(1.9);
        assertThat(g.usage().total().inputTokens()).isEqualTo(6000);
        assertThat(g.usage().total().outputTokens()).isEqualTo(6);
    }

    @Test
    void modelsCheckPingsEveryModel() throws Exception {
        server.enqueue(Reply.text("ok"));
        try (var gateways = new Gateways(List.of(spec(),
                ModelSpec.of("missing-key", Provider.OPENAI, "gpt-4o-mini", null).withApiKeyEnv("UNSET_KEY_FOR_TEST")),
                GatewayOptions.defaults().withEnvironment(k -> null))) {
            assertThat(gateways.prepare(List.of("local", "missing-key", "nope")))
                    .satisfiesExactly(p -> assertThat(p).contains("UNSET_KEY_FOR_TEST is not set"),
                            p -> assertThat(p).contains("no model named 'nope'"));
            var results = gateways.check();
            assertThat(results.keySet()).containsExactly("local", "missing-key");
            assertThat(results.get("local").get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThat(results.get("missing-key").get(10, TimeUnit.SECONDS)).contains("UNSET_KEY_FOR_TEST is not set");
        }
        assertThat(server.requests().get(0).json().path("max_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void apiKeyIsSentButNeverShownInErrorsOrConfigs() {
        String key = "sk-test-VERYSECRET-0123456789";
        server.otherwise(r -> Reply.status(401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + r.header("authorization") + "\"}}"));
        var spec = ModelSpec.of("gpt", Provider.OPENAI, "gpt-4o-mini", server.openAiBaseUrl())
                .withApiKeyEnv("PARLEY_TEST_KEY");
        var g = gateway(spec, GatewayOptions.defaults().withEnvironment(Map.of("PARLEY_TEST_KEY", key)::get));

        Throwable error = failure(g.chat(hello()));

        assertThat(server.requests().get(0).header("authorization")).isEqualTo("Bearer " + key);
        assertThat(error).hasMessageContaining("HTTP 401").hasMessageNotContaining(key)
                .hasMessageContaining(Secrets.MASK);
        assertThat(spec.toString()).doesNotContain(key).contains("PARLEY_TEST_KEY");
        assertThat(g.toString()).doesNotContain(key);
    }

    @Test
    void openAiWithoutItsKeyVariableFailsNamingTheVariable() {
        var spec = ModelSpec.of("gpt", Provider.OPENAI, "gpt-4o-mini", server.openAiBaseUrl()).withApiKeyEnv("NOPE_KEY");
        assertThatThrownBy(() -> Gateway.create(spec, GatewayOptions.defaults().withEnvironment(k -> null)))
                .hasMessageContaining("NOPE_KEY").hasMessageContaining("export");
    }
}
