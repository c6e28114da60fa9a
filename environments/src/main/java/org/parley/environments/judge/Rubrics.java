package org.parley.environments.judge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads rubrics from YAML files and the built-in ones from {@code rubrics/} on the class path. */
public final class Rubrics {
    /** Sotopia's seven social-intelligence dimensions. */
    public static final String SOTOPIA_7 = "sotopia-7";
    /** Bundled rubrics, usable by name: Sotopia's and those of the bundled environments. */
    private static final List<String> BUILT_IN = List.of(SOTOPIA_7, "barrier", "barrier-repair", "working-alliance",
            "dear-man");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Rubrics() {}

    public static List<String> builtIn() {
        return BUILT_IN;
    }

    /** A built-in rubric by name. */
    public static Rubric builtIn(String name) {
        String path = "rubrics/" + name + ".yaml";
        try (InputStream in = Rubrics.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in rubric '" + name + "'; built-in rubrics are " + BUILT_IN
                        + ", or give the path of a rubric YAML file");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rubric from a YAML file. */
    public static Rubric load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rubric " + file, e);
        }
    }

    /** A rubric from YAML text; {@code source} names it in errors. */
    public static Rubric parse(String yaml, String source) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(yaml);
            if (tree != null && (tree.has("scope") || tree.has("inputs"))) {
                return fromEnvironmentRubric(tree, source);
            }
            return YAML.readValue(yaml, Rubric.class);
        } catch (IOException e) {
            String msg = e.getMessage();
            var cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                msg = iae.getMessage();
            }
            var loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? ":" + jpe.getLocation().getLineNr() + ":" + jpe.getLocation().getColumnNr() : "";
            throw new IllegalArgumentException(source + loc + ": " + firstLine(msg), e);
        }
    }

    /** A built-in name or a file path, as a scenario's judge section gives it. */
    public static Rubric resolve(String nameOrPath, Path baseDir) {
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        Path p = baseDir == null ? Path.of(nameOrPath) : baseDir.resolve(nameOrPath);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("rubric '" + nameOrPath + "' is neither built in " + BUILT_IN
                    + " nor a file (looked for " + p + ")");
        }
        return load(p);
    }

    /**
     * The environments' rubric files ({@code rubrics/barrier.yaml} …) describe each dimension with
     * {@code scale: {min, max}}, a {@code question} and {@code anchors}, plus fields for their own
     * graders ({@code scope}, {@code inputs}, {@code output}). A judge reads the dimensions: the
     * question and anchors become its instructions, {@code higher-is-worse} is lower-is-better, and
     * an {@code aggregate} with {@code method: mean} asks for the overall mean.
     */
    private static Rubric fromEnvironmentRubric(com.fasterxml.jackson.databind.JsonNode tree, String source) {
        String name = tree.path("rubric").asText(null);
        var dims = tree.path("dimensions");
        if (!dims.isArray() || dims.isEmpty()) {
            throw new IllegalArgumentException(source + ": rubric " + name + " has no dimensions a judge can score"
                    + " (it is read by its environment's own grader)");
        }
        var dimensions = new java.util.ArrayList<Dimension>();
        for (var d : dims) {
            var text = new StringBuilder(d.path("question").asText(d.path("instructions").asText("")).strip());
            var anchors = d.path("anchors");
            anchors.fieldNames().forEachRemaining(k -> text.append("\n").append(k).append(": ")
                    .append(anchors.get(k).asText().strip()));
            var scale = d.path("scale");
            double min = scale.has("min") ? scale.get("min").asDouble() : d.path("min").asDouble();
            double max = scale.has("max") ? scale.get("max").asDouble() : d.path("max").asDouble();
            String dir = d.path("direction").asText("higher-is-better");
            Direction direction = "higher-is-worse".equals(dir) ? Direction.LOWER_IS_BETTER : Direction.of(dir);
            dimensions.add(new Dimension(d.path("name").asText(null), min, max, direction, text.toString()));
        }
        boolean overall = "mean".equals(tree.path("aggregate").path("method").asText());
        String description = tree.path("description").asText(tree.path("scope").isMissingNode() ? ""
                : "Scored per " + tree.path("scope").asText() + ".");
        return new Rubric(name, description, null, overall, dimensions);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid rubric";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
