package org.parley.scenarios.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.monitoring.Exposition;
import org.parley.monitoring.RunMetrics;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.output.CoordinationLog;
import org.parley.runtime.run.RunPlan;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;

/**
 * The summary's coordination figures over the quickstart scenario through the real kernel: the
 * same for the same seed at any parallelism, with or without metrics, and the same after a kill
 * and a resume as without; and they agree with the metrics' counters.
 */
class CoordinationSummaryTest {
    @TempDir
    Path dir;

    private LoadedScenario quickstart() throws Exception {
        return ScenarioLoader.standard().load(LiveRunMetricsTest.repoRoot().resolve("scenarios/quickstart.yaml"), List.of());
    }

    /** The metrics sink on a registry of its own. */
    private static RunMetrics metrics(PrometheusMeterRegistry registry) {
        var metrics = new RunMetrics();
        metrics.bindTo(registry);
        return metrics;
    }

    private static String summary(PreparedRun run) throws Exception {
        return Files.readString(run.dir().resolve(PreparedRun.SUMMARY)).replace(run.manifest().runId(), "RUN");
    }

    @Test
    void aResumedRunHasTheSameCoordinationFiguresAsAnUninterruptedOne() throws Exception {
        var scenario = quickstart();
        PreparedRun whole = PreparedRun.fresh(scenario, new RunOptions(4, null, 4), dir.resolve("whole"), Clock.systemUTC());
        Simulation.run(whole.plan(), whole.resolver(), whole.sinks(List.of()));
        whole.finish();

        PreparedRun killed = PreparedRun.fresh(scenario, new RunOptions(4, null, 1), dir.resolve("killed"), Clock.systemUTC());
        RunPlan plan = killed.plan();
        // the first five episodes, then a kill: no sorting, no summary, the last log line cut half way
        var firstFive = new RunPlan(plan.runId(), plan.scenario(), plan.environment(), plan.episodes().subList(0, 5), 1,
                plan.timestamps());
        Simulation.run(firstFive, killed.resolver(), killed.sinks(List.of()));
        Path log = killed.dir().resolve(CoordinationLog.FILE);
        String lines = Files.readString(log);
        assertThat(lines.lines()).hasSize(5);
        Files.writeString(log, lines + lines.substring(0, 40));

        PreparedRun resumed = PreparedRun.resume(killed.dir(), false, 2, ScenarioLoader.standard());
        assertThat(resumed.plan().episodes()).hasSize(7);
        Simulation.run(resumed.plan(), resumed.resolver(), resumed.sinks(List.of()));
        resumed.finish();

        String expected = summary(whole);
        assertThat(summary(resumed)).isEqualTo(expected);
        var coordination = new ObjectMapper().readTree(expected).path("conditions").path("baseline").path("coordination");
        assertThat(coordination.path("episodes").asInt()).isEqualTo(4);
        assertThat(coordination.path("message_share").asDouble()).isBetween(0.5, 1.0);
        assertThat(coordination.path("unanswered_question_rate").isNumber()).isTrue();
    }

    @Test
    void theFiguresAndFilesAreTheSameWithAndWithoutMetricsAndAgreeWithTheCounters() throws Exception {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PreparedRun watched = PreparedRun.fresh(quickstart(), new RunOptions(5, null, 3), dir.resolve("watched"), Clock.systemUTC());
        Simulation.run(watched.plan(), watched.resolver(), watched.sinks(List.of(metrics(registry))));
        var summaries = watched.finish();
        PreparedRun plain = PreparedRun.fresh(quickstart(), new RunOptions(5, null, 2), dir.resolve("plain"), Clock.systemUTC());
        Simulation.run(plain.plan(), plain.resolver(), plain.sinks(List.of()));
        plain.finish();

        assertThat(summary(plain)).isEqualTo(summary(watched));
        assertThat(Files.readString(plain.dir().resolve(CoordinationLog.FILE)))
                .isEqualTo(Files.readString(watched.dir().resolve(CoordinationLog.FILE)));
        var scraped = Exposition.parse(registry.scrape());
        var figures = PreparedRun.coordination(watched.dir(), watched.manifest(), summaries);
        assertThat(figures).hasSize(3);
        for (var f : figures) {
            var labels = java.util.Map.of("condition", f.condition());
            assertThat(f.completed()).isEqualTo((long) scraped.sum("parley_coordination_episodes_total", labels));
            assertThat(f.messageShare()).isCloseTo(scraped.sum("parley_coordination_messages_total", labels)
                    / scraped.sum("parley_coordination_actions_total", labels), org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
