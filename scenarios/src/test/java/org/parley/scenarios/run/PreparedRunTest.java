package org.parley.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.agents.mind.MindKinds;
import org.parley.runtime.output.CoordinationLog;
import org.parley.scenarios.load.EnvironmentTypes;
import org.parley.scenarios.load.ScenarioFiles;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.plan.PlanDriver;
import org.parley.scenarios.plan.RunOptions;

class PreparedRunTest {
    @TempDir
    Path dir;

    final ScenarioLoader loader = new ScenarioLoader(Map.<String, String>of()::get, EnvironmentTypes.installed(),
            MindKinds.installed());
    final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private PreparedRun fresh(Path scenario, Path out) throws Exception {
        return PreparedRun.fresh(loader.load(scenario, List.of("episodes=4")), RunOptions.none(), out, clock);
    }

    /** A run of the scenario that finished, in runs/whole. */
    private PreparedRun wholeRun(Path scenario) throws Exception {
        PreparedRun whole = fresh(scenario, dir.resolve("runs/whole"));
        PlanDriver.run(whole.plan(), whole.resolver(), whole.sinks(List.of()), Integer.MAX_VALUE);
        whole.finish();
        return whole;
    }

    /** A run of the scenario stopped after five episodes without finishing, in runs/killed. */
    private PreparedRun killedAfterFiveEpisodes(Path scenario) throws Exception {
        PreparedRun killed = fresh(scenario, dir.resolve("runs/killed"));
        PlanDriver.run(killed.plan(), killed.resolver(), killed.sinks(List.of()), 5);
        return killed;
    }

    @Test
    void writesManifestResultsAndSummary() throws Exception {
        Path scenario = ScenarioFiles.valid(dir);
        PreparedRun run = fresh(scenario, dir.resolve("runs/one"));
        PlanDriver.run(run.plan(), run.resolver(), run.sinks(List.of()), Integer.MAX_VALUE);
        var summaries = run.finish();
        assertThat(summaries).hasSize(2);
        assertThat(summaries.get(0).completed()).isEqualTo(4);

        var m = RunManifest.read(run.dir());
        assertThat(m.runId()).isEqualTo("one");
        assertThat(m.runSeed()).isEqualTo(42);
        assertThat(m.episodes()).hasSize(8);
        assertThat(m.conditions().get(0).minds()).containsExactly(Map.entry("a", "rule-based:eager"),
                Map.entry("b", "rule-based:default"));
        assertThat(m.conditions().get(1).resolved().at("/environment/params/max-rounds").asInt()).isEqualTo(4);
        assertThat(m.sets()).containsExactly("episodes=4");
        assertThat(m.fileHashes()).containsKeys("echo.yaml", "personas/bob.yaml");
        String csv = Files.readString(run.dir().resolve("results.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",turns,sum,episode_actions");
        assertThat(csv.lines()).hasSize(17);
        assertThat(Files.readString(run.dir().resolve("summary.json"))).contains("\"episode_actions\"", "\"by-role\"");

        assertThatThrownBy(() -> fresh(scenario, dir.resolve("runs/one"))).isInstanceOf(RunSetupException.class)
                .hasMessageContaining("--resume");
    }

    @Test
    void defaultRunFolderIsNamedAfterScenarioAndTime() throws Exception {
        Path scenario = ScenarioFiles.valid(dir);
        String yaml = Files.readString(scenario).replace("parallel: 2", "parallel: 2\noutput: { dir: " + dir.resolve("out") + " }");
        Files.writeString(scenario, yaml);
        PreparedRun run = fresh(scenario, null);
        assertThat(run.dir()).isEqualTo(dir.resolve("out").resolve("echo-test-20260102-030405"));
        assertThat(fresh(scenario, null).dir()).isEqualTo(dir.resolve("out").resolve("echo-test-20260102-030405-2"));
    }

    @Test
    void resumeAfterAKillGivesTheSameResultsAsAnUninterruptedRun() throws Exception {
        Path scenario = ScenarioFiles.valid(dir);
        PreparedRun whole = wholeRun(scenario);
        PreparedRun killed = killedAfterFiveEpisodes(scenario);
        // as a SIGKILL leaves it: no sorting, no summary, the last row cut half way
        Path csv = killed.dir().resolve("results.csv");
        String text = Files.readString(csv);
        Files.writeString(csv, text.substring(0, text.length() - 7));
        Files.createDirectories(killed.dir().resolve("episodes/long"));
        Files.writeString(killed.dir().resolve("episodes/long/0000.jsonl"), "{\"seq\":0,\"tu");

        PreparedRun resumed = PreparedRun.resume(killed.dir(), false, 3, loader);
        assertThat(resumed.plan().parallelism()).isEqualTo(3);
        assertThat(resumed.alreadyFinished()).isEqualTo(4);
        assertThat(resumed.plan().episodes()).extracting(e -> e.id())
                .containsExactly("long/0000", "long/0001", "long/0002", "long/0003");
        assertThat(killed.dir().resolve("episodes/long/0000.jsonl")).doesNotExist();
        PlanDriver.run(resumed.plan(), resumed.resolver(), resumed.sinks(List.of()), Integer.MAX_VALUE);
        resumed.finish();

        String expected = Files.readString(whole.dir().resolve("results.csv")).replace("whole,", "RUN,");
        String actual = Files.readString(csv).replace("killed,", "RUN,");
        assertThat(actual).isEqualTo(expected);
        assertThat(Files.readString(killed.dir().resolve("summary.json")).replace("killed", "RUN"))
                .isEqualTo(Files.readString(whole.dir().resolve("summary.json")).replace("whole", "RUN"));

        // nothing left: a second resume plans no episodes
        assertThat(PreparedRun.resume(killed.dir(), false, loader).plan().episodes()).isEmpty();
    }

    @Test
    void anEpisodeKilledBetweenItsResultsAndItsCoordinationLineRunsAgain() throws Exception {
        Path scenario = ScenarioFiles.valid(dir);
        PreparedRun whole = wholeRun(scenario);
        PreparedRun killed = killedAfterFiveEpisodes(scenario);
        // as a SIGKILL leaves it after the results writer but before the coordination log
        Path log = killed.dir().resolve(CoordinationLog.FILE);
        List<String> lines = Files.readAllLines(log);
        String lost = lines.get(lines.size() - 1);
        Files.write(log, lines.subList(0, lines.size() - 1));
        String lostEpisode = lost.replaceAll(".*\"episode\":\"([^\"]+)\".*", "$1");

        PreparedRun resumed = PreparedRun.resume(killed.dir(), false, loader);
        assertThat(resumed.plan().episodes()).extracting(e -> e.id()).contains(lostEpisode);
        PlanDriver.run(resumed.plan(), resumed.resolver(), resumed.sinks(List.of()), Integer.MAX_VALUE);
        resumed.finish();

        assertThat(Files.readString(killed.dir().resolve("summary.json")).replace("killed", "RUN"))
                .isEqualTo(Files.readString(whole.dir().resolve("summary.json")).replace("whole", "RUN"));
        assertThat(Files.readString(killed.dir().resolve("results.csv")).replace("killed,", "RUN,"))
                .isEqualTo(Files.readString(whole.dir().resolve("results.csv")).replace("whole,", "RUN,"));
    }

    @Test
    void resumeRefusesAChangedScenarioUnlessForced() throws Exception {
        Path scenario = ScenarioFiles.valid(dir);
        PreparedRun run = fresh(scenario, dir.resolve("runs/x"));
        PlanDriver.run(run.plan(), run.resolver(), run.sinks(List.of()), 2);
        Files.writeString(dir.resolve("personas/bob.yaml"), ScenarioFiles.BOB.replace("51", "52"));
        assertThatThrownBy(() -> PreparedRun.resume(run.dir(), false, loader)).isInstanceOf(RunSetupException.class)
                .hasMessageContaining("personas/bob.yaml").hasMessageContaining("--force");
        assertThat(PreparedRun.resume(run.dir(), true, loader).plan().episodes()).hasSize(6);
    }

}
