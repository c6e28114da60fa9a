package org.parley.monitoring;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Serves /metrics for a paced synthetic run, so the Prometheus check can be tried without the
 * command line: {@code SyntheticRunServer <port> <episodes-per-condition> <linger-seconds>}.
 * Episodes' events are played a few per second into the same sink a real run uses, with one LLM
 * model reporting requests, then the endpoint lingers and the program exits.
 */
public final class SyntheticRunServer {
    private SyntheticRunServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : MetricsExporter.DEFAULT_PORT;
        int perCondition = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int lingerSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (var exporter = MetricsExporter.start(port)) {
            System.out.println("metrics: " + exporter.url());
            System.out.flush();
            var metrics = exporter.metrics();
            var model = exporter.llm().model("synthetic-model");
            var random = new SplittableRandom(42);
            var plan = SyntheticRun.plan(perCondition, 42);
            metrics.runStarted(plan);
            int i = 0;
            for (var episode : plan.episodes()) {
                boolean fail = i++ % 17 == 16;
                SyntheticRun.episode(metrics, episode, fail);
                model.requestStarted();
                if (random.nextInt(10) == 0) {
                    model.requestFailed(Duration.ofMillis(200), LlmMetrics.ErrorCause.RATE_LIMITED);
                    model.retried();
                    model.requestStarted();
                }
                model.requestSucceeded(Duration.ofMillis(100 + random.nextInt(900)), 800 + random.nextInt(400),
                        50 + random.nextInt(100), 0.0004);
                Thread.sleep(150);
            }
            System.out.println("run finished; metrics stay up for " + lingerSeconds + "s");
            System.out.flush();
            exporter.linger(Duration.ofSeconds(lingerSeconds));
        }
    }
}
