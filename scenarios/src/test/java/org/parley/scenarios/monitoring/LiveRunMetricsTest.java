package org.parley.scenarios.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.monitoring.Exposition;
import org.parley.monitoring.MetricCatalog;
import org.parley.monitoring.MetricsExporter;
import org.parley.runtime.Simulation;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * A real run through the kernel with the metrics exporter attached: scrapes /metrics over HTTP
 * while the run is live and after it, and holds the final scrape to docs/metrics.md. The small
 * relay environment below exercises what the catalog needs from an environment (speech, events,
 * a named metric, scores); a bundled scenario can replace it once the scenario loader is wired.
 */
class LiveRunMetricsTest {

    @Test
    void everyCatalogMetricIsScrapedFromALiveRun() throws Exception {
        var catalog = MetricCatalog.read(repoRoot().resolve("docs/metrics.md"));
        try (var exporter = MetricsExporter.start(0)) {
            var episodes = new ArrayList<EpisodePlan>();
            for (var condition : List.of("baseline", "terse")) {
                for (int i = 0; i < 4; i++) {
                    long seed = 1000L * i + condition.length();
                    episodes.add(new EpisodePlan(condition + "/" + i, condition, i, seed, new TurnProtocol.Alternating("a"),
                            new Limits(8, 0, true, Duration.ofMinutes(1), Duration.ofSeconds(10)),
                            s -> new Relay(), List.of(
                                    new EpisodePlan.AgentPlan("a", "asker", seed + 1, s -> new RelayMind(true)),
                                    new EpisodePlan.AgentPlan("b", "replier", seed + 2, s -> new RelayMind(false)))));
                }
            }
            var plan = new RunPlan("live-metrics", "relay", "relay", episodes, 2, RunPlan.Timestamps.LOGICAL);

            CompletionStage<RunReport> run;
            try {
                run = Simulation.start(plan, exporter.listener());
            } catch (IllegalStateException e) {
                Assumptions.abort("the kernel is not available in this build: " + e.getMessage());
                return;
            }
            // Scrape while the run is live (minds take 20 ms per decision, so it lasts about a second).
            var future = run.toCompletableFuture();
            int liveScrapes = 0;
            double liveStarted = 0;
            while (!future.isDone()) {
                var during = scrape(exporter.url());
                liveStarted = Math.max(liveStarted, during.sum("parley_episodes_started_total", Map.of()));
                liveScrapes++;
                Thread.sleep(50);
            }
            assertThat(liveScrapes).isPositive();
            assertThat(liveStarted).isPositive();

            RunReport report;
            try {
                report = run.toCompletableFuture().join();
            } catch (CompletionException e) {
                throw new AssertionError("the run failed", e.getCause());
            }
            assertThat(report.completed()).isEqualTo(8);

            var after = scrape(exporter.url());
            assertThat(catalog.problems(after)).isEmpty();
            assertThat(after.sum("parley_episodes_completed_total", Map.of())).isEqualTo(8);
            assertThat(after.sum("parley_coordination_questions_total", Map.of())).isPositive();
        }
    }

    private static Exposition scrape(String url) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Exposition.parse(response.body());
        }
    }

    private static Path repoRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/metrics.md"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** Two agents take turns; the episode ends after six utterances, scored a success. */
    static final class Relay implements Environment {
        private EpisodeContext context;
        private int utterances;

        @Override
        public Step start(EpisodeContext context) {
            this.context = context;
            return Step.of(new Observation("a", 0, Observation.ENVIRONMENT, "briefing", "Ask b something.", Map.of()),
                    new Observation("b", 0, Observation.ENVIRONMENT, "briefing", "Answer a.", Map.of()));
        }

        @Override
        public ActionSpace actionSpace(String agent) {
            return ActionSpace.of(ActionKinds.SPEAK, ActionKinds.LEAVE);
        }

        @Override
        public Step act(Action action) {
            utterances++;
            var other = action.agent().equals("a") ? "b" : "a";
            SimulationMetrics metrics = context.metrics();
            metrics.count("utterances", 1, Map.of());
            var step = Step.builder()
                    .observe(Observation.of(other, utterances, action))
                    .event(new Event(utterances == 2 ? "commitment-made" : "utterance", action.agent(), Map.of()));
            return utterances >= 6 ? step.end("done").build() : step.build();
        }

        @Override
        public Outcome outcome() {
            return new Outcome(Map.of("a", Map.of("goal", 8.0), "b", Map.of("goal", 7.0)),
                    Map.of("success", 1.0, "mutual_understanding", 4.0, "unresolved_confusion", 4.0));
        }
    }

    /** Asks a question or answers one. */
    static final class RelayMind implements Mind {
        private final boolean asker;

        RelayMind(boolean asker) {
            this.asker = asker;
        }

        @Override
        public void perceive(Observation observation) {}

        @Override
        public CompletionStage<Action> decide(Turn turn) {
            var text = asker ? "What time is it?" : "Half past three.";
            var action = Action.speak(turn.agent(), text).producedBy(describe());
            // Thinks for 20 ms without blocking a thread, so the run stays live long enough to scrape.
            return CompletableFuture.supplyAsync(() -> action,
                    CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS));
        }

        @Override
        public String describe() {
            return "rule-based:relay";
        }
    }
}
