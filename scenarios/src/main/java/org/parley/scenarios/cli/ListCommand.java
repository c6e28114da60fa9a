package org.parley.scenarios.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parley.agents.mind.MindKind;
import org.parley.agents.mind.MindKinds;
import org.parley.environments.spi.EnvironmentType;
import org.parley.scenarios.load.EnvironmentTypes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley list}: bundled scenarios, installed environment types and mind kinds. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "List bundled scenarios, environment types and mind kinds.")
final class ListCommand implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One bundled scenario file. */
    record Bundled(Path file, String name, String description) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = home();
        Path dir = home.resolve("scenarios");
        List<Bundled> scenarios = bundled(dir);
        out.println("Scenarios (" + dir + "):");
        if (scenarios.isEmpty()) {
            out.println("  none found");
        }
        int width = scenarios.stream().mapToInt(b -> home.relativize(b.file()).toString().length()).max().orElse(0);
        for (Bundled b : scenarios) {
            out.printf("  %-" + width + "s  %s%n", home.relativize(b.file()), b.description());
        }
        out.println();
        out.println("Environment types:");
        for (EnvironmentType<?> t : EnvironmentTypes.installed().all()) {
            out.printf("  %-16s %s%n", t.name(), t.summary().isBlank() ? "—" : t.summary());
        }
        out.println();
        out.println("Mind kinds:");
        for (MindKind<?> k : MindKinds.installed().all()) {
            out.printf("  %-16s %s%n", k.name(), k.summary());
        }
        return ExitCodes.OK;
    }

    /** The project folder: the launcher sets {@code parley.home}; otherwise the working directory. */
    static Path home() {
        String home = System.getProperty("parley.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    /** YAML files under {@code dir} (two levels) whose top level has a {@code scenario} key, by path. */
    static List<Bundled> bundled(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .map(ListCommand::describe)
                    .filter(b -> b != null)
                    .toList();
        }
    }

    private static Bundled describe(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.has("scenario")) {
                return null;
            }
            return new Bundled(file.toAbsolutePath().normalize(), node.path("scenario").asText(),
                    node.path("description").asText(""));
        } catch (IOException e) {
            return new Bundled(file.toAbsolutePath().normalize(), file.getFileName().toString(),
                    "(unreadable: run parley validate " + file + ")");
        }
    }
}
