package org.parley.scenarios.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.scenarios.cli.ParleyCommand;

/**
 * Golden outputs: every bundled scenario file that needs no model (every {@code *.yaml} of the
 * scenarios folder but persona files and {@code llm/}), run through the real command line, writes
 * exactly the outputs recorded in {@code src/test/resources/golden/<scenario path without .yaml>/}.
 * They were recorded before the kernel's rewrite (event stream, writers, monitoring), so that the
 * rewrite is shown not to change a byte a user sees.
 *
 * <p>Each scenario runs in this JVM as {@code parley run FILE --seed 2027 --episodes 2 --parallel 2
 * --quiet --no-metrics}, into a run folder named after the file (results.csv carries that name).
 * Timestamps are logical, the default, which every bundled file also asks for.
 *
 * <ul>
 *   <li>Compared byte for byte: every transcript ({@code episodes/<condition>/<index>.jsonl}),
 *       {@code results.csv}, {@code summary.json} and {@code coordination.jsonl} (rewritten in
 *       condition and index order at the end of a run, so it does not depend on which episode
 *       finished first). No field is stripped: none of them holds a time or anything else that
 *       differs between runs or machines.
 *   <li>{@code manifest.json} holds absolute paths, versions and the start time: it is not compared,
 *       only required to exist.
 * </ul>
 *
 * <p>Intended changes of output: record the goldens anew with
 * <pre>./mvnw -q -pl scenarios -am test -Dtest='Golden*' -Dsurefire.failIfNoSpecifiedTests=false -Dparley.golden.update=true</pre>
 * (which writes into {@code scenarios/src/test/resources/golden}, also for a newly bundled scenario, and
 * removes the goldens of scenarios that are gone), review the diff, and commit it on its own, saying why
 * the output changed.
 */
class GoldenOutputsTest {
    /** Every bundled scenario runs two episodes per condition in about a second, so none needs fewer. */
    static final int EPISODES = 2;
    static final String SEED = "2027";

    static List<String> scenarios() throws IOException {
        List<String> names = BundledScenarios.ruleBased();
        // a wrong working folder would otherwise pass with nothing tested
        assertThat(names).as("bundled scenarios found from %s", BundledScenarios.folder().toAbsolutePath()).contains("quickstart");
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @Timeout(60)
    void aFreshRunWritesTheRecordedOutputs(String scenario, @TempDir Path tmp) throws IOException {
        Path run = tmp.resolve(scenario);
        List<String> args = new ArrayList<>(List.of("run", BundledScenarios.file(scenario).toString(), "--out", run.toString(),
                "--seed", SEED, "--episodes", String.valueOf(EPISODES), "--parallel", "2", "--quiet", "--no-metrics",
                // the default, and what every bundled file says; a future file asking for wall-clock
                // times would otherwise have goldens that no run reproduces
                "--set", "output.timestamps=logical"));
        var out = new StringWriter();
        var err = new StringWriter();
        int code = ParleyCommand.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as("parley %s exited %d%n%s%s", String.join(" ", args), code, out, err).isZero();
        assertThat(run.resolve("manifest.json")).isRegularFile();

        List<String> outputs = new ArrayList<>(GoldenFolder.transcriptsResultsAndSummary(run));
        outputs.add("coordination.jsonl");
        GoldenFolder.of(scenario).check(run, outputs);
    }

    @Test
    void everyGoldenBelongsToABundledScenario() throws IOException {
        List<String> scenarios = scenarios();
        List<String> stale = GoldenFolder.names().stream()
                .filter(g -> !g.startsWith(BundledScenarios.LLM + "/") && !scenarios.contains(g))
                .toList();
        GoldenFolder.removeStale(stale);
    }
}
