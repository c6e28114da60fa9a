package org.parley.scenarios.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The recorded outputs of one bundled scenario, {@code src/test/resources/golden/<name>/}: a fresh
 * run is compared with them, or in update mode ({@code -Dparley.golden.update=true}) recorded in
 * their place. They are read from the source tree, not the class path, so that an update writes
 * where git sees it.
 */
public final class GoldenFolder {
    /** The system property that turns every golden test from comparing into recording. */
    public static final String UPDATE = "parley.golden.update";
    /** The command that records the goldens anew. */
    public static final String UPDATE_COMMAND = "./mvnw -q -pl scenarios -am test -Dtest='Golden*' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";
    private static final String HINT = "If this change of output is intended, record the goldens anew with\n    "
            + UPDATE_COMMAND + "\nand review the diff: an intended change of output is its own commit that updates "
            + "the goldens and says why.";
    /** The folder of a run's transcripts, one file per episode under a folder per condition. */
    private static final String EPISODES = "episodes";
    /** Every golden has one; {@link #names()} finds the goldens by it. */
    private static final String RESULTS = "results.csv";

    private final String name;
    private final Path dir;

    private GoldenFolder(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** The golden of scenario {@code name} ({@code cooperbench/pair}, {@code llm/quickstart-llm}). */
    public static GoldenFolder of(String name) {
        return new GoldenFolder(name, root().resolve(name));
    }

    public static Path root() {
        return BundledScenarios.folder().resolve("src/test/resources/golden");
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /** Every recorded golden's name, sorted. */
    public static List<String> names() throws IOException {
        Path root = root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.getFileName().toString().equals(RESULTS) && Files.isRegularFile(f))
                    .map(f -> root.relativize(f.getParent()).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Every transcript ({@code episodes/<condition>/<index>.jsonl}), {@code results.csv} and
     * {@code summary.json} of a run, each compared byte for byte.
     */
    public static List<String> transcriptsResultsAndSummary(Path run) throws IOException {
        var outputs = new ArrayList<String>();
        for (String transcript : filesUnder(run, EPISODES)) {
            outputs.add(transcript);
        }
        outputs.add(RESULTS);
        outputs.add("summary.json");
        return outputs;
    }

    /** In update mode records the run's {@code outputs}; otherwise asserts that they equal the recorded ones. */
    public void check(Path run, List<String> outputs) throws IOException {
        if (updating()) {
            record(run, outputs);
        } else {
            verify(run, outputs);
        }
    }

    /**
     * Goldens whose scenario file is gone (removed or renamed): update mode deletes them, otherwise
     * the test fails naming them, so that no golden outlives its scenario unnoticed.
     */
    public static void removeStale(List<String> stale) throws IOException {
        if (stale.isEmpty()) {
            return;
        }
        if (!updating()) {
            throw new AssertionError("goldens without a bundled scenario file: " + stale + " (under " + root()
                    + "); delete them, or run\n    " + UPDATE_COMMAND);
        }
        for (String name : stale) {
            of(name).delete();
        }
    }

    /** Removes this golden's files: a scenario that is gone leaves no golden behind (update mode only). */
    public void delete() throws IOException {
        for (String file : recorded()) {
            Files.delete(dir.resolve(file));
        }
        // the folders left empty, deepest first; a folder that holds other goldens stays
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                deleteIfEmpty(d);
            }
        }
        for (Path up = dir.getParent(); up != null && !up.equals(root()) && Files.isDirectory(up); up = up.getParent()) {
            deleteIfEmpty(up);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> in = Files.list(folder)) {
            if (in.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    private void record(Path run, List<String> outputs) throws IOException {
        if (Files.isDirectory(dir)) {
            // a transcript that a run no longer writes must not linger
            delete();
        }
        for (String output : outputs) {
            Path from = run.resolve(output);
            if (!Files.isRegularFile(from)) {
                throw new AssertionError(name + ": the run wrote no " + output + ", so there is nothing to record");
            }
            Path to = dir.resolve(output);
            Files.createDirectories(to.getParent());
            Files.write(to, Files.readAllBytes(from));
        }
    }

    private void verify(Path run, List<String> outputs) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no golden for " + name + "; record it with -D" + UPDATE + "=true:\n    " + UPDATE_COMMAND
                    + "\n(expected in " + dir + ")");
        }
        List<String> problems = new ArrayList<>();
        var recorded = recorded();
        for (String file : recorded) {
            if (!outputs.contains(file)) {
                problems.add(dir.resolve(file) + ": the run wrote no " + file);
            }
        }
        for (String file : outputs) {
            Path golden = dir.resolve(file);
            Path actual = run.resolve(file);
            if (!Files.isRegularFile(actual)) {
                problems.add(golden + ": the run wrote no " + file);
            } else if (!recorded.contains(file)) {
                problems.add(golden + ": no golden, but the run wrote " + file);
            } else {
                byte[] want = Files.readAllBytes(golden);
                byte[] got = Files.readAllBytes(actual);
                if (!Arrays.equals(want, got)) {
                    problems.add(golden + ": " + FirstDifference.describe(utf8(want), utf8(got)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(name + ": a fresh run's outputs differ from the recorded goldens in " + problems.size()
                    + " file(s)\n" + String.join("\n", problems) + "\n" + HINT);
        }
    }

    /** This golden's files: those at its top and every transcript; a nested golden's files are not its own. */
    private TreeSet<String> recorded() throws IOException {
        var files = new TreeSet<>(filesUnder(dir, EPISODES));
        try (Stream<Path> top = Files.list(dir)) {
            top.filter(Files::isRegularFile).forEach(f -> files.add(f.getFileName().toString()));
        }
        return files;
    }

    /** Files under {@code run/folder}, as paths relative to {@code run} with forward slashes, sorted. */
    private static List<String> filesUnder(Path run, String folder) throws IOException {
        Path root = run.resolve(folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> run.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
