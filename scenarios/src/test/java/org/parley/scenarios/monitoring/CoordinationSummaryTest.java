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
import org.parley.monitoring.MonitoringListener;
import org.parley.runtime.Simulation;
import org.parley.runtime.run.RunPlan;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.CoordinationLog;
import org.parley.scenarios.run.PreparedRun;

/**
 * The summary's coordination figures over the quickstart scenario through the real kernel: the
 * same for the same seed at any parallelism, and the same after a kill and a resume as without.
 */
class CoordinationSummaryTest {
    @TempDir
    Path dir;

    private LoadedScenario quickstart() throws Exception {
        return ScenarioLoader.standard().load(LiveRunMetricsTest.repoRoot().resolve("scenarios/quickstart.yaml"), List.of());
    }

    private static MonitoringListener listener() {
        return new MonitoringListener(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    private static String summary(PreparedRun run) throws Exception {
        return Files.readString(run.dir().resolve(PreparedRun.SUMMARY)).replace(run.manifest().runId(), "RUN");
    }

    @Test
    void aResumedRunHasTheSameCoordinationFiguresAsAnUninterruptedOne() throws Exception {
        var scenario = quickstart();
        PreparedRun whole = PreparedRun.fresh(scenario, new RunOptions(4, null, 4), dir.resolve("whole"), Clock.systemUTC());
        Simulation.run(whole.plan(), whole.listener(List.of(listener())));
        whole.finish();

        PreparedRun killed = PreparedRun.fresh(scenario, new RunOptions(4, null, 1), dir.resolve("killed"), Clock.systemUTC());
        RunPlan plan = killed.plan();
        // the first five episodes, then a kill: no sorting, no summary, the last log line cut half way
        var firstFive = new RunPlan(plan.runId(), plan.scenario(), plan.environment(), plan.episodes().subList(0, 5), 1,
                plan.timestamps());
        Simulation.run(firstFive, killed.listener(List.of(listener())));
        Path log = killed.dir().resolve(CoordinationLog.FILE);
        String lines = Files.readString(log);
        assertThat(lines.lines()).hasSize(5);
        Files.writeString(log, lines + lines.substring(0, 40));

        PreparedRun resumed = PreparedRun.resume(killed.dir(), false, 2, ScenarioLoader.standard());
        assertThat(resumed.plan().episodes()).hasSize(7);
        Simulation.run(resumed.plan(), resumed.listener(List.of(listener())));
        resumed.finish();

        String expected = summary(whole);
        assertThat(summary(resumed)).isEqualTo(expected);
        var coordination = new ObjectMapper().readTree(expected).path("conditions").path("baseline").path("coordination");
        assertThat(coordination.path("episodes").asInt()).isEqualTo(4);
        assertThat(coordination.path("message_share").asDouble()).isBetween(0.5, 1.0);
        assertThat(coordination.path("unanswered_question_rate").isNumber()).isTrue();
    }

    @Test
    void theFiguresMatchTheLiveMeters() throws Exception {
        PreparedRun run = PreparedRun.fresh(quickstart(), new RunOptions(5, null, 3), dir.resolve("run"), Clock.systemUTC());
        var listener = listener();
        Simulation.run(run.plan(), run.listener(List.of(listener)));
        var summaries = run.finish();
        var fromLog = PreparedRun.coordination(run.dir(), run.manifest(), summaries);
        var live = listener.summary();
        assertThat(fromLog).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(fromLog.get(i).reproducible()).isEqualTo(live.get(i).reproducible());
        }
    }
}
