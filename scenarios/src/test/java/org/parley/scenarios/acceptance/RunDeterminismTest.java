package org.parley.scenarios.acceptance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scenario and seed give byte-identical transcripts, results and summaries, whatever the
 * parallelism: one JVM runs episodes one at a time, another eight at once, so completion order,
 * thread interleaving and each JVM's hash seeds all differ.
 */
class RunDeterminismTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("quickstart.yaml", List.of("--episodes", "6")),
                // seeded random turn order instead of alternation
                Arguments.of("quickstart.yaml", List.of("--episodes", "4", "--set", "protocol={type: random, allow-repeat: true}")),
                Arguments.of("dialogue/small-talk.yaml", List.of("--episodes", "4")),
                Arguments.of("socialveil/barrier-grid.yaml", List.of("--episodes", "2")),
                Arguments.of("maze/collaboration-gap.yaml", List.of("--episodes", "2")),
                Arguments.of("counseling/course.yaml", List.of("--episodes", "1")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    @Timeout(120)
    void parallelismDoesNotChangeABit(String scenario, List<String> options, @TempDir Path dir) throws Exception {
        Path one = dir.resolve("one/run");
        Path eight = dir.resolve("eight/run");
        ParleyJvm.Running serial = ParleyJvm.start(dir, "one", args(scenario, options, one, "1"));
        ParleyJvm.Running parallel = ParleyJvm.start(dir, "eight", args(scenario, options, eight, "8"));
        for (ParleyJvm.Running r : List.of(serial, parallel)) {
            int code = r.await(100);
            if (code != 0) {
                throw new AssertionError("parley exited " + code + "\n" + r.output());
            }
        }
        RunFolders.assertComplete(one);
        RunFolders.assertSameOutputs(one, eight);
        RunFolders.assertSameManifest(one, eight);
    }

    private static String[] args(String scenario, List<String> options, Path out, String parallel) {
        List<String> args = new ArrayList<>(List.of("run", ParleyJvm.bundled(scenario).toString(), "--out", out.toString(),
                "--parallel", parallel, "--seed", "2027", "--quiet"));
        args.addAll(options);
        return args.toArray(String[]::new);
    }
}
