package org.parley.environments.codebase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external test command run inside a copy of the workspace written to a temporary folder (off by
 * default: in-process tests are what make thousands of episodes feasible). The command gets the
 * workspace as its working directory; its exit code and the start of its output are reported.
 *
 * @param command       program and arguments, e.g. {@code [sh, -c, "./check.sh"]}
 * @param timeoutMillis the process is killed after this long
 */
public record ExternalTests(List<String> command, long timeoutMillis) {
    static final int MAX_OUTPUT = 4000;

    @JsonCreator
    public ExternalTests(@JsonProperty("command") List<String> command, @JsonProperty("timeout-millis") Long timeoutMillis) {
        this(command == null ? List.of() : List.copyOf(command), timeoutMillis == null ? 10_000 : timeoutMillis.longValue());
    }

    public ExternalTests {
        command = List.copyOf(command);
    }

    /** What a run produced: exit code (-1 on timeout) and output. */
    public record Result(int exitCode, boolean timedOut, String output) {}

    public Result run(Map<String, String> tree) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("parley-workspace-");
            for (var file : tree.entrySet()) {
                Path p = dir.resolve(file.getKey()).normalize();
                if (!p.startsWith(dir)) continue; // a path like ../x must not escape the workspace
                Files.createDirectories(p.getParent());
                Files.writeString(p, file.getValue(), StandardCharsets.UTF_8);
            }
            // Output goes to a file beside the workspace: a pipe nobody drains can block the command.
            Path log = Files.createTempFile("parley-tests-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                boolean done = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
                if (!done) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(1, TimeUnit.SECONDS);
                }
                byte[] all = Files.readAllBytes(log);
                String out = new String(all, 0, Math.min(all.length, MAX_OUTPUT), StandardCharsets.UTF_8);
                return new Result(done ? process.exitValue() : -1, !done, out);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(-1, false, "could not run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, false, "interrupted");
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up " + dir, e);
        }
    }
}
