package org.parley.scenarios.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parley.scenarios.cli.ParleyCommand;

/**
 * The {@code parley} command line in a JVM of its own, started from the test's own java binary and
 * class path: what a user's shell does, so that a kill is a real SIGKILL of a real process and
 * determinism is checked across JVMs (hash seeds, class initialisation order) rather than inside one.
 */
final class ParleyJvm {
    private ParleyJvm() {}

    /** A started command line; its stdout and stderr go to files next to {@code logs}. */
    record Running(Process process, Path stdout, Path stderr) {

        /** Waits for the exit and returns its code, failing the test after {@code seconds}. */
        int await(long seconds) throws IOException, InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("parley did not finish within " + seconds + " s\n" + output());
            }
            return process.exitValue();
        }

        String output() throws IOException {
            return "--- stdout\n" + Files.readString(stdout) + "--- stderr\n" + Files.readString(stderr);
        }
    }

    /** Starts {@code parley args...}; {@code logs} is a folder for its output files. */
    static Running start(Path logs, String name, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseGet(
                () -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 24) {
            // the same flags the launcher adds: Pekko and Netty touch sun.misc.Unsafe and native access
            command.add("--sun-misc-unsafe-memory-access=allow");
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ParleyCommand.class.getName());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("CI", "true");
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        builder.redirectOutput(stdout.toFile());
        builder.redirectError(stderr.toFile());
        return new Running(builder.start(), stdout, stderr);
    }

    /** Runs {@code parley args...} to the end and asserts that it exited 0. */
    static void runOk(Path logs, String name, String... args) throws IOException, InterruptedException {
        Running r = start(logs, name, args);
        int code = r.await(120);
        assertThat(code).as("exit code of parley %s%n%s", String.join(" ", args), r.output()).isZero();
    }

    /** A bundled scenario file, found from the module folder (tests run there) or the project root. */
    static Path bundled(String relative) {
        for (Path candidate : List.of(Path.of(relative), Path.of("scenarios", relative))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("bundled scenario " + relative + " not found from " + Path.of("").toAbsolutePath());
    }
}
