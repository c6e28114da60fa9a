package org.parley.scenarios.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.monitoring.MetricsExporter;
import org.parley.scenarios.cli.ParleyCommand;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioFiles;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.MonitoringSpec;
import org.parley.scenarios.run.RunMonitoring;
import org.parley.scenarios.run.RunSetupException;

/** The monitoring section, the metrics flags of {@code parley run}, and the summary's coordination figures. */
class MonitoringWiringTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result parley(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = ParleyCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path scenario(String monitoringSection) {
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        return ScenarioFiles.write(dir, "s.yaml", ScenarioFiles.VALID + monitoringSection);
    }

    @Test
    void theMonitoringSectionBinds() throws Exception {
        var s = ScenarioLoader.standard().load(scenario("monitoring: { enabled: true, port: 9555, linger: 30s }\n"), List.of());
        assertThat(s.base().monitoring()).isEqualTo(new MonitoringSpec(true, 9555, Duration.ofSeconds(30)));
        var none = ScenarioLoader.standard().load(ScenarioFiles.valid(dir), List.of());
        assertThat(none.base().monitoring()).isEqualTo(MonitoringSpec.defaults());
        var set = ScenarioLoader.standard().load(ScenarioFiles.valid(dir), List.of("monitoring.enabled=false"));
        assertThat(set.base().monitoring().enabled()).isFalse();
    }

    @Test
    void aBadMonitoringSectionIsReportedAtItsPlace() {
        assertThatThrownBy(() -> ScenarioLoader.standard().load(scenario("monitoring: { port: 70000, lingr: 5s }\n"), List.of()))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("monitoring").contains("lingr"));
        assertThatThrownBy(() -> ScenarioLoader.standard().load(scenario("monitoring: { linger: soon }\n"), List.of()))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("linger"));
    }

    @Test
    void flagsWinOverTheScenarioAndDefaultsFillTheRest() {
        var file = new MonitoringSpec(false, 9555, Duration.ofSeconds(30));
        assertThat(RunMonitoring.Settings.resolve(MonitoringSpec.defaults(), false, null, null))
                .isEqualTo(new RunMonitoring.Settings(true, MetricsExporter.DEFAULT_PORT, false, Duration.ZERO));
        assertThat(RunMonitoring.Settings.resolve(file, false, null, null).enabled()).isFalse();
        assertThat(RunMonitoring.Settings.resolve(file, false, 0, Duration.ofSeconds(2)))
                .isEqualTo(new RunMonitoring.Settings(true, 0, true, Duration.ofSeconds(2)));
        var filePortOnly = new MonitoringSpec(null, 9555, null);
        assertThat(RunMonitoring.Settings.resolve(filePortOnly, false, null, null))
                .isEqualTo(new RunMonitoring.Settings(true, 9555, true, Duration.ZERO));
        assertThat(RunMonitoring.Settings.resolve(filePortOnly, true, null, null).enabled()).isFalse();
    }

    @Test
    void aTakenDefaultPortFallsBackButARequestedOneDoesNot() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            try (var m = RunMonitoring.start(new RunMonitoring.Settings(true, port, false, Duration.ZERO))) {
                assertThat(m.url()).get().asString().doesNotContain(":" + port + "/");
                assertThat(m.notice()).get().asString().contains("in use");
            }
            assertThatThrownBy(() -> RunMonitoring.start(new RunMonitoring.Settings(true, port, true, Duration.ZERO)))
                    .isInstanceOf(RunSetupException.class).hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("--metrics-port").hasMessageContaining("--no-metrics");
        }
    }

    @Test
    void aTakenRequestedPortStopsTheRunBeforeItStarts() throws Exception {
        Path file = ScenarioFiles.valid(dir);
        try (var taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Result r = parley("run", file.toString(), "--out", dir.resolve("run").toString(), "--metrics-port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort());
            assertThat(dir.resolve("run")).doesNotExist();
        }
    }

    @Test
    void badMetricsFlagsAreInvalidInput() {
        Path file = ScenarioFiles.valid(dir);
        assertThat(parley("run", file.toString(), "--linger", "soon").err()).contains("--linger soon");
        assertThat(parley("run", file.toString(), "--metrics-port", "70000").code()).isEqualTo(2);
        assertThat(parley("run", file.toString(), "--no-metrics", "--metrics-port", "0").code()).isEqualTo(2);
    }

    @Test
    void theRunPrintsTheEndpointAndTheDashboardFigures() {
        Result r = parley("run", ScenarioFiles.valid(dir).toString(), "--out", dir.resolve("run").toString(),
                "--metrics-port", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("metrics: http://127\\.0\\.0\\.1:\\d+/metrics")
                .contains("Coordination and barriers", "baseline: 3 completed, 0 failed", "long: 3 completed",
                        "Timing (console only)");
    }

    @Test
    void withoutMetricsTheSummaryStillHasTheFiguresAndStaysTheSameForTheSameSeed() throws Exception {
        Path file = ScenarioFiles.valid(dir);
        Result one = parley("run", file.toString(), "--out", dir.resolve("a/run").toString(), "--no-metrics", "--parallel", "1");
        Result two = parley("run", file.toString(), "--out", dir.resolve("b/run").toString(), "--no-metrics", "--parallel", "4");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(one.out()).doesNotContain("metrics: http").contains("Coordination and barriers");
        String a = Files.readString(dir.resolve("a/run/summary.json"));
        assertThat(a).isEqualTo(Files.readString(dir.resolve("b/run/summary.json")));
        var coordination = new ObjectMapper().readTree(a).path("conditions").path("long").path("coordination");
        assertThat(coordination.path("episodes").asInt()).isEqualTo(3);
        assertThat(coordination.has("message_share")).isTrue();
        assertThat(a).doesNotContain("latency").doesNotContain("stragglers");
    }

    @Test
    void theScenarioCanTurnMetricsOff() {
        Result r = parley("run", scenario("monitoring: { enabled: false }\n").toString(), "--out",
                dir.resolve("run").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("metrics: http");
    }
}
