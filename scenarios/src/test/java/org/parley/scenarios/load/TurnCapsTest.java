package org.parley.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.scenarios.cli.ParleyCommand;

/**
 * One cap per idea: an environment's round cap is the setting's length, limits.max-turns the
 * runtime's safety net, and a max-turns that would cut a round-capped setting short is refused.
 */
class TurnCapsTest {
    static final Path QUICKSTART = Path.of("quickstart.yaml");
    static final String HINT_30 = " (max-turns is the runtime's safety net: raise it to at least 30; to shorten the setting,"
            + " lower max-rounds in environment.params instead)";

    private static List<String> problems(Path file, String... sets) {
        try {
            ScenarioLoader.standard().load(file, List.of(sets));
            return List.of();
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @Test
    void aTurnCapBelowTheSettingsRoundsIsAProblemAtTheCap() {
        assertThat(problems(QUICKSTART, "limits.max-turns=12")).containsExactly("--set limits.max-turns=12:"
                + " limits.max-turns: 12 turns would end episodes before the dialogue setting plays its 15 rounds"
                + " (environment.params: max-rounds), which take 30 turns with 2 agents" + HINT_30);
        // the setting's own length is what to shorten; the safety net may be as large as it likes
        assertThat(problems(QUICKSTART, "environment.params.max-rounds=6", "limits.max-turns=12")).isEmpty();
        assertThat(problems(QUICKSTART, "limits.max-turns=1000")).isEmpty();
    }

    @Test
    void aConditionThatLengthensTheSettingIsCheckedToo() {
        var p = problems(QUICKSTART, "conditions=[{name: long, set: {environment.params.max-rounds: 16}}]");
        assertThat(p).singleElement().asString()
                .matches("quickstart\\.yaml:\\d+:\\d+: limits\\.max-turns: 30 turns would end episodes before the dialogue"
                        + " setting plays its 16 rounds .*which take 32 turns with 2 agents.*");
    }

    @Test
    void underTheSimultaneousProtocolARoundIsOneTurn() {
        assertThat(problems(QUICKSTART, "protocol={type: simultaneous}", "limits.max-turns=15")).isEmpty();
        assertThat(problems(QUICKSTART, "protocol={type: simultaneous}", "limits.max-turns=14")).singleElement().asString()
                .contains("14 turns would end episodes before the dialogue setting plays its 15 rounds"
                        + " (environment.params: max-rounds), which take 15 turns of the simultaneous protocol");
    }

    @Test
    void theDefaultCapCountsAndCoursesOfSessionsCountEverySession() {
        assertThat(problems(QUICKSTART, "limits={stale-turns: 4}", "environment.params.max-rounds=21"))
                .singleElement().asString().contains("limits.max-turns (default 40): 40 turns would end episodes");
        assertThat(problems(Path.of("counseling/course.yaml"), "limits.max-turns=100")).singleElement().asString()
                .contains("plays its 60 rounds (environment.params: sessions × max-rounds), which take 120 turns")
                .contains("lower sessions × max-rounds in environment.params instead");
        assertThat(problems(Path.of("socialveil/barrier-grid.yaml"), "limits.max-turns=39")).singleElement().asString()
                .contains("the socialveil setting plays its 20 rounds");
        // settings without a round cap (the maze counts its own turns) are left to their own documentation
        assertThat(problems(Path.of("maze/split-grid.yaml"), "limits.max-turns=3")).isEmpty();
    }

    @Test
    void validateAndRunReportItAndExitTwo() {
        for (String command : List.of("validate", "run")) {
            var out = new java.io.StringWriter();
            var err = new java.io.StringWriter();
            int code = ParleyCommand.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(err), command,
                    QUICKSTART.toString(), "--set", "limits.max-turns=12");
            assertThat(code).as(command).isEqualTo(2);
            assertThat(err.toString()).as(command).contains("--set limits.max-turns=12: limits.max-turns: 12 turns would end");
        }
    }
}
