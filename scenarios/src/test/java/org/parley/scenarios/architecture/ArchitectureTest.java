package org.parley.scenarios.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The module layout of the design brief, checked on the sources: no type and no package depends on
 * itself through others, Pekko is imported only by the runtime's kernel, the runtime holds no LLM
 * library, and modules depend on each other only in the brief's direction
 * ({@code scenarios → environments → agents → models → runtime}, {@code monitoring → runtime}).
 */
class ArchitectureTest {
    /** The reactor's root, seen from the scenarios module where its tests run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> MODULES = List.of("runtime", "models", "agents", "environments", "monitoring", "scenarios");

    /** Which Parley modules each module may depend on. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "runtime", Set.of(),
            "models", Set.of("runtime"),
            "agents", Set.of("runtime", "models"),
            "environments", Set.of("runtime", "models", "agents"),
            "monitoring", Set.of("runtime"),
            "scenarios", Set.of("runtime", "models", "agents", "environments", "monitoring"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"runtime", "models", "agents", "environments", "monitoring", "scenarios"})
    void noTypeCycles(String module) {
        var graph = SourceGraph.of(ROOT.resolve(module).resolve("src/main/java"));
        assertThat(graph.edges).as("types read from %s", module).isNotEmpty();
        assertThat(graph.typeCycles()).as("types of %s that depend on themselves through others", module).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"runtime", "models", "agents", "environments", "monitoring", "scenarios"})
    void noPackageCycles(String module) {
        var graph = SourceGraph.of(ROOT.resolve(module).resolve("src/main/java"));
        assertThat(graph.packageCycles()).as("packages of %s that depend on themselves through others", module).isEmpty();
    }

    /** Pekko's package, spelt out in pieces so this file is not itself a match. */
    static final String PEKKO = String.join(".", "org", "apache", "pekko");

    @Test
    void pekkoIsImportedOnlyByTheRuntimesKernel() throws IOException {
        Path kernel = Path.of("runtime", "src", "main", "java", "org", "parley", "runtime", "kernel");
        Path kernelTests = Path.of("runtime", "src", "test", "java", "org", "parley", "runtime", "kernel");
        var outside = new ArrayList<String>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path relative = ROOT.relativize(file);
                    if (relative.startsWith(kernel) || relative.startsWith(kernelTests)) {
                        continue;
                    }
                    if (Files.readString(file).contains(PEKKO)) {
                        outside.add(relative.toString());
                    }
                }
            }
        }
        assertThat(outside).as("sources outside org.parley.runtime.kernel that use Pekko").isEmpty();
    }

    @Test
    void theRuntimeHasNoLlmLibrary() throws IOException {
        assertThat(Files.readString(ROOT.resolve("runtime/pom.xml"))).doesNotContain("langchain4j");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"runtime", "models", "agents", "environments", "monitoring", "scenarios"})
    void modulesDependOnlyInTheBriefsDirection(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        var used = new ArrayList<String>();
        var artifact = Pattern.compile("<artifactId>parley-(\\w+)</artifactId>").matcher(pom);
        while (artifact.find()) {
            if (!artifact.group(1).equals(module) && !artifact.group(1).equals("parent")) {
                used.add(artifact.group(1));
            }
        }
        assertThat(used).as("Parley modules %s depends on", module).isSubsetOf(ALLOWED.get(module));
    }
}
