package org.parley.models.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.models.Gateway;
import org.parley.models.GatewayObserver;
import org.parley.models.GatewayOptions;
import org.parley.models.ModelCall;
import org.parley.models.ModelSpec;
import org.parley.models.PromptMessage;
import org.parley.models.Provider;

/**
 * How close the gateway gets to a provider's limit. A local OpenAI-protocol server answers every
 * request after a fixed 100 ms; the gateway allows 512 in flight, so the ideal is 512 / 0.1 s =
 * 5120 requests/s. Many concurrent callers (episodes) send rounds of 20,000 requests through the
 * real LangChain4j client. After warm-up rounds (until the JIT has compiled the call path), the
 * program prints each measured round's rate as a share of the ideal, the median round's CPU per
 * request by thread, the latency the gateway adds on top of the provider's 100 ms, and the same
 * load sent with the bare JDK client in the same run, so the gateway's figure can be read as a
 * ratio to what this machine can do at all.
 *
 * <p>Run: {@code ./mvnw -q -pl models -am test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt}, then {@code java -cp
 * "models/target/test-classes:models/target/classes:$(cat models/target/test-classpath.txt)"
 * org.parley.models.bench.GatewayBenchmark} (arguments: requests per round, callers,
 * max-concurrency, server delay in ms, warm-up rounds, measured rounds).
 */
public final class GatewayBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 2_048;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        long delayMs = args.length > 3 ? Long.parseLong(args[3]) : 100;
        int warmUpRounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        double ideal = concurrency * 1000.0 / delayMs;

        try (var server = new FixedDelayServer(delayMs)) {
            var callLatencies = new ConcurrentLinkedQueue<Long>();
            var retryKinds = new java.util.concurrent.ConcurrentSkipListMap<String, Integer>();
            var spec = ModelSpec.of("bench", Provider.OPENAI_COMPATIBLE, "bench-model", server.baseUrl())
                    .withLimits(concurrency, 0, 0).withTimeout(Duration.ofSeconds(30));
            var observer = new GatewayObserver() {
                @Override
                public void onResponse(String model, String role, Duration latency, long in, long out, double cost) {
                    callLatencies.add(latency.toNanos());
                }

                @Override
                public void onRetry(String model, String role, org.parley.models.FailureKind kind, int attempt,
                                    Duration delay) {
                    retryKinds.merge(kind.name(), 1, Integer::sum);
                }
            };
            try (var gateway = Gateway.create(spec, GatewayOptions.defaults().withObserver(observer))) {
                System.out.printf("gateway benchmark: %d requests per round, %d callers, max-concurrency %d, server delay "
                        + "%d ms, %d cores; %d warm-up rounds, then %d measured rounds%n", requests, callers, concurrency,
                        delayMs, Runtime.getRuntime().availableProcessors(), warmUpRounds, rounds);
                // The JIT needs tens of thousands of calls through LangChain4j, Jackson and the HTTP client
                // before it stops compiling; on two cores its compiler threads take a core from the calls
                // until then. A long simulation runs in the steady state after that, so that is what counts.
                for (int r = 1; r <= warmUpRounds; r++) {
                    Round warm = Round.measure(() -> run(gateway, requests, callers, null), requests);
                    System.out.printf("warm-up %d: %.0f requests/s = %.3f of ideal; JIT compiling %.0f us per request%n",
                            r, warm.rate(), warm.rate() / ideal, warm.jitMicrosPerRequest());
                }
                var measured = new java.util.ArrayList<Round>();
                var latencies = new java.util.ArrayList<long[]>();
                for (int r = 1; r <= rounds; r++) {
                    callLatencies.clear();
                    long[] endToEnd = new long[requests];
                    Round round = Round.measure(() -> run(gateway, requests, callers, endToEnd), requests);
                    measured.add(round);
                    latencies.add(callLatencies.stream().mapToLong(Long::longValue).sorted().toArray());
                    System.out.printf("round %d: %.0f requests/s = %.3f of ideal; %.0f us CPU per request (client, "
                            + "gateway and server together); JIT compiling %.0f us per request%n", r, round.rate(),
                            round.rate() / ideal, round.cpuMicrosPerRequest(), round.jitMicrosPerRequest());
                }
                int median = medianIndex(measured);
                Round m = measured.get(median);
                System.out.printf("saturated (median round): %.0f requests/s = %.3f of ideal %.0f/s; server saw at most "
                        + "%d in flight%n", m.rate(), m.rate() / ideal, ideal, server.maxInFlight());
                System.out.printf("  CPU: %.0f us per request; %d cores at the ideal rate would need %.2f cores%n",
                        m.cpuMicrosPerRequest(), Runtime.getRuntime().availableProcessors(),
                        m.cpuMicrosPerRequest() / 1e6 * ideal);
                ThreadCpu.printPerRequest(m.threadsBefore(), m.threadsAfter(), requests);
                long[] perCall = latencies.get(median);
                System.out.printf("  added by client+gateway per provider call (call time - %d ms): p50 %.2f ms, p99 %.2f ms%n",
                        delayMs, ms(percentile(perCall, 50)) - delayMs, ms(percentile(perCall, 99)) - delayMs);

                // Below the cap nothing queues, so end-to-end minus the server's delay is what the gateway adds.
                int light = Math.min(concurrency / 2, callers);
                int lightRequests = Math.max(2_000, requests / 4);
                long[] unqueued = new long[lightRequests];
                run(gateway, lightRequests, light, unqueued);
                Arrays.sort(unqueued);
                System.out.printf("unsaturated (%d callers): gateway added latency end to end: p50 %.2f ms, p99 %.2f ms%n",
                        light, ms(percentile(unqueued, 50)) - delayMs, ms(percentile(unqueued, 99)) - delayMs);
                System.out.printf("usage: %s%nretries by kind: %s%n", gateway.usage().total(), retryKinds);
                double raw = rawBaseline(server, requests, callers, concurrency, ideal);
                System.out.printf("gateway / bare JDK client, measured in this run: %.3f%n", m.rate() / raw);
            }
        }
        gatewayAlone(callers, concurrency);
    }

    /** Index of the round with the median rate. */
    private static int medianIndex(List<Round> rounds) {
        Integer[] order = new Integer[rounds.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rounds.get(a).rate(), rounds.get(b).rate()));
        return order[order.length / 2];
    }

    /** One round of calls: its rate, and the process's CPU and JIT time while it ran. */
    private record Round(double rate, double cpuMicrosPerRequest, double jitMicrosPerRequest,
                         java.util.Map<String, Long> threadsBefore, java.util.Map<String, Long> threadsAfter) {
        interface Body {
            void run() throws Exception;
        }

        static Round measure(Body body, int requests) throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            var threads0 = ThreadCpu.byGroup();
            long cpu0 = os.getProcessCpuTime();
            long jit0 = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            body.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Round(requests / seconds, (os.getProcessCpuTime() - cpu0) / 1e3 / requests,
                    (jit.getTotalCompilationTime() - jit0) * 1e3 / requests, threads0, ThreadCpu.byGroup());
        }
    }

    /**
     * The gateway's own cost: the same calls through a gateway whose model answers from memory (no
     * HTTP, no JSON), so what is measured is queueing, limits bookkeeping, accounting and the
     * hand-off between threads.
     */
    private static void gatewayAlone(int callers, int concurrency) throws Exception {
        var answer = dev.langchain4j.model.chat.response.ChatResponse.builder()
                .aiMessage(dev.langchain4j.data.message.AiMessage.from("{\"kind\":\"speak\",\"text\":\"ok\"}"))
                .tokenUsage(new dev.langchain4j.model.output.TokenUsage(12, 5))
                .build();
        dev.langchain4j.model.chat.ChatModel memory = new dev.langchain4j.model.chat.ChatModel() {
            @Override
            public dev.langchain4j.model.chat.response.ChatResponse doChat(dev.langchain4j.model.chat.request.ChatRequest r) {
                return answer;
            }
        };
        var spec = ModelSpec.of("memory", Provider.OPENAI_COMPATIBLE, "memory-model", "http://127.0.0.1:9/v1")
                .withLimits(concurrency, 0, 0);
        try (var gateway = Gateway.wrapping(spec, memory, GatewayOptions.defaults())) {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            run(gateway, 50_000, callers, null);
            int n = 200_000;
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            run(gateway, n, callers, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (os.getProcessCpuTime() - cpu0) / 1e3 / n;
            System.out.printf("gateway alone (model answers from memory): %.0f calls/s, %.1f us CPU per call%n",
                    n / seconds, cpuMicros);
        }
    }

    /**
     * The same load sent with the bare JDK HTTP client (a semaphore for the cap, a fixed request
     * body, no parsing): what this machine can do at all, so the gateway's figure can be read
     * against it when other processes share the cores.
     */
    private static double rawBaseline(FixedDelayServer server, int n, int callers, int concurrency, double ideal)
            throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var body = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"when do we meet?\"}]}";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var slots = new java.util.concurrent.Semaphore(concurrency, true);
        var next = new AtomicInteger();
        long start = 0;
        for (int phase = 0; phase < 2; phase++) {
            int count = n; // the first pass warms up the JIT
            next.set(0);
            start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < callers; c++) {
                    pool.execute(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            try {
                                slots.acquire();
                                try {
                                    http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                                } finally {
                                    slots.release();
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    });
                }
            }
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf("baseline, bare JDK client at the same cap: %.0f requests/s = %.3f of ideal%n", rate, rate / ideal);
        http.close();
        return rate;
    }

    /** {@code callers} virtual threads each send calls one after another until {@code n} are done. */
    private static void run(Gateway gateway, int n, int callers, long[] latencies) throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var done = new CompletableFuture<?>[callers];
            for (int c = 0; c < callers; c++) {
                int caller = c;
                done[c] = CompletableFuture.runAsync(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        var call = ModelCall.of(List.of(PromptMessage.system("You are a bench participant."),
                                PromptMessage.user("Episode " + caller + ", request " + i + ": when do we meet?")))
                                .forEpisode("bench/" + caller, "participant");
                        long t0 = System.nanoTime();
                        try {
                            gateway.chat(call).join();
                        } catch (RuntimeException e) {
                            if (failures.incrementAndGet() <= 3) {
                                System.out.println("  failure: " + e.getMessage());
                            }
                        }
                        if (latencies != null) {
                            latencies[i] = System.nanoTime() - t0;
                        }
                    }
                }, pool);
            }
            CompletableFuture.allOf(done).join();
        }
        if (failures.get() > 0) {
            System.out.printf("  %d calls failed%n", failures.get());
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
