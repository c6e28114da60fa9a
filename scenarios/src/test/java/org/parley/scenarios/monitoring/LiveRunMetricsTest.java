package org.parley.scenarios.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.monitoring.Exposition;
import org.parley.monitoring.MetricCatalog;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.run.RunReport;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunMonitoring;

/**
 * The bundled quickstart scenario run the way {@code parley run} runs it, with the metrics
 * endpoint on a free port: /metrics is scraped over HTTP while the run is live and after it, and
 * the final scrape is held to docs/metrics.md (read here, so catalog and code cannot drift apart).
 */
class LiveRunMetricsTest {
    private static final int PER_CONDITION = 20;
    @TempDir
    Path dir;

    @Test
    void everyCatalogMetricIsScrapedFromALiveRunOfTheQuickstartScenario() throws Exception {
        var catalog = MetricCatalog.read(repoRoot().resolve("docs/metrics.md"));
        var scenario = ScenarioLoader.standard().load(repoRoot().resolve("scenarios/quickstart.yaml"), List.of());
        var run = PreparedRun.fresh(scenario, new RunOptions(PER_CONDITION, null, 2), dir.resolve("run"), Clock.systemUTC());
        int planned = run.plannedTotal();
        try (var monitoring = RunMonitoring.start(new RunMonitoring.Settings(true, 0, true, Duration.ZERO))) {
            String url = monitoring.url().orElseThrow();
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/metrics");

            // The first episode to finish waits until a scrape has seen the run live, so the run
            // cannot outpace the scraper however fast the machine is.
            var live = new CountDownLatch(1);
            EventSink gate = event -> {
                if (event instanceof EpisodeEvent.Finished) {
                    try {
                        live.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            var future = Simulation.start(run.plan(), run.resolver(), run.sinks(List.of(monitoring.sink().orElseThrow(), gate)))
                    .toCompletableFuture();
            int liveScrapes = 0;
            double liveRunning = 0;
            double liveActions = 0;
            while (!future.isDone()) {
                var during = scrape(url);
                double started = during.sum("parley_episodes_started_total", Map.of());
                double finished = during.sum("parley_episodes_completed_total", Map.of())
                        + during.sum("parley_episodes_failed_total", Map.of());
                if (started > 0 && finished < planned) {
                    liveScrapes++;
                    assertThat(during.sum("parley_run_episodes_planned", Map.of())).isEqualTo(planned);
                    liveRunning = Math.max(liveRunning, during.sum("parley_episodes_running", Map.of()));
                    liveActions = Math.max(liveActions, during.sum("parley_actions_total", Map.of()));
                    if (liveActions > 0) {
                        live.countDown();
                    }
                }
                Thread.sleep(50);
            }
            RunReport report = future.get(2, TimeUnit.MINUTES);
            assertThat(report.failed()).isZero();
            assertThat(liveScrapes).as("scrapes taken while episodes were still running").isPositive();
            assertThat(liveRunning).as("episodes in flight seen live").isPositive();
            assertThat(liveActions).as("actions seen live").isPositive();

            var after = scrape(url);
            assertThat(catalog.problems(after)).isEmpty();
            assertThat(after.sum("parley_episodes_completed_total", Map.of())).isEqualTo(planned);
            assertThat(after.sum("parley_episodes_running", Map.of())).isZero();
            assertThat(after.sum("parley_actions_total", Map.of("scenario", "quickstart", "environment", "dialogue")))
                    .isPositive();
            assertThat(after.sum("parley_coordination_questions_total", Map.of())).isPositive();
            for (var condition : List.of("baseline", "stubborn-seller", "eager-buyer")) {
                assertThat(after.sum("parley_episodes_completed_total", Map.of("condition", condition))).isEqualTo(PER_CONDITION);
            }

            // the summary's figures, counted from the run's events, agree with the meters
            var summaries = run.finish();
            assertThat(summaries).hasSize(3);
            var figures = PreparedRun.coordination(run.dir(), run.manifest(), summaries);
            assertThat(figures).extracting(f -> f.condition()).containsExactly("baseline", "stubborn-seller", "eager-buyer");
            for (var f : figures) {
                var labels = Map.of("condition", f.condition());
                assertThat(f.completed()).isEqualTo(PER_CONDITION);
                assertThat(f.messageShare()).isCloseTo(after.sum("parley_coordination_messages_total", labels)
                        / after.sum("parley_coordination_actions_total", labels), org.assertj.core.api.Assertions.within(1e-9));
                assertThat(f.unansweredQuestionRate()).isCloseTo(after.sum("parley_coordination_unanswered_questions_total", labels)
                        / after.sum("parley_coordination_questions_total", labels), org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(Files.readString(run.dir().resolve(PreparedRun.SUMMARY))).contains("\"coordination\"",
                    "\"message_share\"");
        }
    }

    static Exposition scrape(String url) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Exposition.parse(response.body());
        }
    }

    static Path repoRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/metrics.md"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
