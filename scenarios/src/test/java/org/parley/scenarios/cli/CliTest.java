package org.parley.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.output.TranscriptEntry;
import org.parley.scenarios.load.ScenarioFiles;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.plan.PlanDriver;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;

class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result parley(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = ParleyCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path scenario(String yaml) {
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        return ScenarioFiles.write(dir, "s.yaml", yaml);
    }

    @Test
    void validatePrintsThePlan() {
        Result r = parley("validate", ScenarioFiles.valid(dir).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("OK ", "scenario 'echo-test'", "environment 'echo'", "protocol alternating",
                "agent a: role caller, persona alice (Alice Chen), mind rule-based:eager",
                "condition long: 3 episodes, 2 override(s)", "6 episodes in all, seed 42");
    }

    @Test
    void validateExitsTwoOnASyntaxError() {
        Path f = scenario("scenario: x\nagents: [a, b\nseed: 1\n");
        Result r = parley("validate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: YAML syntax error");
    }

    @Test
    void validateExitsTwoOnAnUnknownKey() {
        Path f = scenario(ScenarioFiles.VALID.replace("stale-turns: 2", "stale-turnz: 2"));
        Result r = parley("validate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":7:26: unknown key 'stale-turnz' in limits (did you mean 'stale-turns'?)");
    }

    @Test
    void validateExitsTwoOnAWrongType() {
        Path f = scenario(ScenarioFiles.VALID.replace("end-on-leave", "x").replace("max-turns: 10", "max-turns: ten"));
        Result r = parley("validate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":7:22: limits.max-turns: expected a whole number, found the text 'ten'");
    }

    @Test
    void validateExitsTwoOnAMissingPersonaAndReportsEveryProblem() {
        Path f = scenario(ScenarioFiles.VALID.replace("persona: alice", "persona: alicia")
                .replace("persona: bob", "persona: bobb"));
        Result r = parley("validate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":14:14: persona 'alicia' is not defined (did you mean 'alice'? defined personas: alice, bob)")
                .contains(f + ":18:14: persona 'bobb' is not defined (did you mean 'bob'? defined personas: alice, bob)")
                .contains("2 problems found");
    }

    @Test
    void validateReportsAgentsThatNeedRuleBasedMindsTheirEnvironmentLacks() {
        Path f = scenario("""
                scenario: tally-test
                environment: { type: tally, params: { rounds: 2 } }
                personas:
                  alice: { name: Alice Chen }
                  bob: personas/bob.yaml
                agents:
                  - id: a
                    role: speaker
                    persona: alice
                    mind: { kind: rule-based, policy: eager }
                  - id: b
                    role: speaker
                    persona: bob
                """);
        Result r = parley("validate", f.toString());
        assertThat(r.code()).isEqualTo(2);
        String hint = " (use an llm mind: mind: { kind: llm, model: <a name under models:> })";
        assertThat(r.err()).contains(f + ":10:11: agent 'a' has a rule-based mind, but environment type 'tally' has no"
                        + " rule-based minds" + hint)
                .contains(f + ":11:5: agent 'b' has no mind, and environment type 'tally' has no rule-based minds to give"
                        + " it by default" + hint)
                .contains("2 problems found");
    }

    @Test
    void validateOfAMissingFileIsInvalidInput() {
        Result r = parley("validate", dir.resolve("nope.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml: file not found");
    }

    @Test
    void badUsageIsInvalidInput() {
        assertThat(parley("run", "--episodes", "many", "x.yaml").code()).isEqualTo(2);
        assertThat(parley("frobnicate").code()).isEqualTo(2);
        Result r = parley("run", "--resume", dir.toString(), "--seed", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--resume takes the scenario");
        r = parley("run", "--resume", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not a run folder");
        r = parley("run", "--set", "limits.max-turnz=3", ScenarioFiles.valid(dir).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--set limits.max-turnz=3: unknown key 'max-turnz' in limits");
    }

    @Test
    void listShowsBundledScenariosAndEnvironmentTypes() throws Exception {
        Path home = dir.resolve("home");
        ScenarioFiles.write(home, "scenarios/echo.yaml", ScenarioFiles.VALID);
        ScenarioFiles.write(home, "scenarios/personas/bob.yaml", ScenarioFiles.BOB);
        String previous = System.getProperty("parley.home");
        System.setProperty("parley.home", home.toString());
        try {
            Result r = parley("list");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("scenarios/echo.yaml  Two agents say numbers.")
                    .doesNotContain("bob.yaml")
                    .contains("echo             test environment: agents say numbers")
                    .contains("tally            —")
                    .contains("rule-based");
        } finally {
            if (previous == null) {
                System.clearProperty("parley.home");
            } else {
                System.setProperty("parley.home", previous);
            }
        }
    }

    @Test
    void showListsEpisodesAndPrintsATranscript() throws Exception {
        var loaded = ScenarioLoader.standard().load(ScenarioFiles.valid(dir), List.of("episodes=2"));
        PreparedRun run = PreparedRun.fresh(loaded, RunOptions.none(), dir.resolve("runs/r"), Clock.systemUTC());
        PlanDriver.run(run.plan(), run.resolver(), run.sinks(List.of()), Integer.MAX_VALUE);
        run.finish();
        var json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        lines.add(json.writeValueAsString(new TranscriptEntry(0, 0, "0", TranscriptEntry.EPISODE_START, null,
                Map.of("condition", "long"))));
        lines.add(json.writeValueAsString(new TranscriptEntry(1, 0, "0", TranscriptEntry.OBSERVATION, "b",
                Map.of("source", "a", "kind", "speak", "text", "7"))));
        lines.add(json.writeValueAsString(new TranscriptEntry(2, 0, "0", TranscriptEntry.ACTION, "a",
                Map.of("kind", "speak", "text", "Seven, to start."))));
        lines.add(json.writeValueAsString(new TranscriptEntry(3, 1, "1000", TranscriptEntry.EVENT, "b",
                Map.of("type", "deal", "price", 7))));
        lines.add(json.writeValueAsString(new TranscriptEntry(4, 1, "1000", TranscriptEntry.EPISODE_END, null,
                Map.of("reason", "done"))));
        Files.createDirectories(run.dir().resolve("episodes/long"));
        Files.writeString(run.dir().resolve("episodes/long/0001.jsonl"), String.join("\n", lines) + "\n");

        Result list = parley("show", run.dir().toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("Run r: scenario echo-test, 4 planned episodes, 4 with results")
                .containsPattern("baseline/0000 +completed +done +4 turns  a: sum=\\d+  b: sum=\\d+  episode: actions=4");

        Result show = parley("show", run.dir().toString(), "--episode", "long/0001");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("Episode long/0001 (echo-test, condition long)")
                .contains("[turn   0] --- episode starts {\"condition\":\"long\"}")
                .contains("[turn   0] Alice Chen (caller) speak: Seven, to start.")
                .contains("[turn   1]   * deal [Bob Okafor (answerer)] {\"price\":7}")
                .contains("[turn   1] --- episode ends {\"reason\":\"done\"}")
                .doesNotContain("observes")
                .contains("result a: completed, done");
        assertThat(parley("show", run.dir().toString(), "--episode", "long/0001", "--observations").out())
                .contains("(Bob Okafor (answerer) observes speak from a: 7)");

        Result missing = parley("show", run.dir().toString(), "--episode", "long/0009");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no transcript for episode 'long/0009'");
    }

    @Test
    void runCreatesTheRunFolderBeforeHandingTheRunToTheKernel() {
        Path out = dir.resolve("runs/k");
        Result r = parley("run", "--quiet", "--out", out.toString(), "--episodes", "2", ScenarioFiles.valid(dir).toString());
        // exit 0 once the kernel runs episodes; without it the run fails as an internal error (1), never 2
        assertThat(r.code()).isIn(0, 1);
        assertThat(out.resolve("manifest.json")).exists();
    }
}
