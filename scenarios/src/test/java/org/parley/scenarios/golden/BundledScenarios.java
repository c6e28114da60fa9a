package org.parley.scenarios.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scenario files bundled with Parley, found by walking the folder that holds them (the
 * {@code scenarios} module folder), so that a newly bundled file is picked up without a test change.
 */
public final class BundledScenarios {
    /** Persona files, not scenarios. */
    private static final Set<String> PERSONAS = Set.of("personas", "counseling/personas");
    /** Scenarios with language models: they need a model server, so their goldens have a test of their own. */
    public static final String LLM = "llm";
    /**
     * Not bundled scenarios: sources and their test fixtures, build output and run folders that
     * {@code parley run} writes here by default.
     */
    private static final Set<String> NOT_BUNDLED = Set.of("src", "target", "runs");

    private BundledScenarios() {}

    /** The folder of the bundled scenario files; tests run in it, an IDE may run them from the project root. */
    public static Path folder() {
        for (Path candidate : List.of(Path.of(""), Path.of("scenarios"))) {
            if (Files.isRegularFile(candidate.resolve("quickstart.yaml")) && Files.isDirectory(candidate.resolve("src/test"))) {
                return candidate;
            }
        }
        throw new AssertionError("the bundled scenarios folder (with quickstart.yaml) is neither "
                + Path.of("").toAbsolutePath() + " nor its scenarios/ folder");
    }

    /**
     * Every bundled scenario that needs no model, as its path relative to {@link #folder()} without
     * {@code .yaml} ({@code quickstart}, {@code cooperbench/pair}), sorted.
     */
    public static List<String> ruleBased() throws IOException {
        Path root = folder();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !underAny(f, NOT_BUNDLED) && !underAny(f, PERSONAS) && !under(f, LLM) && !f.startsWith("."))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    /** Every bundled scenario with language models ({@code llm/quickstart-llm}), sorted. */
    public static List<String> withModels() throws IOException {
        try (Stream<Path> files = Files.list(folder().resolve(LLM))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .map(f -> LLM + "/" + f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    /** The scenario file of a name that {@link #ruleBased()} or {@link #withModels()} returned. */
    public static Path file(String name) {
        return folder().resolve(name + ".yaml");
    }

    private static boolean underAny(String path, Set<String> folders) {
        return folders.stream().anyMatch(f -> under(path, f));
    }

    private static boolean under(String path, String folder) {
        return path.startsWith(folder + "/");
    }
}
