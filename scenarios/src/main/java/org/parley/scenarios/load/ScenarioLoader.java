package org.parley.scenarios.load;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.parley.agents.mind.MindKinds;
import org.parley.scenarios.model.Condition;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;
import org.parley.scenarios.model.SourceLocation;
import org.parley.scenarios.model.ValueOverride;

/**
 * Reads a scenario file into a {@link LoadedScenario}: YAML with positions, {@code ${ENV}}
 * interpolation, persona files, {@code --set} overrides, the JSON Schema, conditions (a list or a
 * grid), and binding for every condition. Every problem is collected and reported together, each
 * with {@code file:line:column} and a hint.
 */
public final class ScenarioLoader {
    private final Function<String, String> environment;
    private final EnvironmentTypes environmentTypes;
    private final MindKinds mindKinds;
    private final SchemaCheck schema = new SchemaCheck();

    public ScenarioLoader(Function<String, String> environment, EnvironmentTypes environmentTypes, MindKinds mindKinds) {
        this.environment = environment;
        this.environmentTypes = environmentTypes;
        this.mindKinds = mindKinds;
    }

    /** Process environment variables, installed environment types and mind kinds. */
    public static ScenarioLoader standard() {
        return new ScenarioLoader(System::getenv, EnvironmentTypes.installed(), MindKinds.installed());
    }

    public EnvironmentTypes environmentTypes() {
        return environmentTypes;
    }

    public MindKinds mindKinds() {
        return mindKinds;
    }

    public LoadedScenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * @param sets {@code key=value} overrides applied to the base scenario before conditions
     *             (values are read as YAML, so {@code 3} is a number and {@code [a, b]} a list)
     */
    public LoadedScenario load(Path file, List<String> sets) throws ScenarioException {
        var problems = new Problems();
        String source = file.toString();
        var hashes = new LinkedHashMap<String, String>();
        String text = readFile(file, SourceLocation.of(source), problems, hashes);
        problems.throwIfAny();
        var reader = new YamlReader(new Interpolation(environment));
        LocatedTree tree = reader.read(source, text, problems);
        if (tree == null) {
            throw new ScenarioException(problems.sorted());
        }
        if (!tree.root().isObject()) {
            problems.add(tree.locations().value(""), "a scenario file must be a mapping of keys",
                    "start with 'scenario: <name>'");
            throw new ScenarioException(problems.sorted());
        }
        readPersonaFiles(file, tree, reader, problems, hashes);
        for (String set : sets) {
            ValueOverride o = parseSet(set, reader, problems);
            if (o != null) {
                Overrides.apply(tree, o, problems);
            }
        }
        int beforeSchema = problems.size();
        schema.check(tree, problems);
        boolean baseValid = problems.size() == beforeSchema;
        List<Condition> conditions = baseValid ? conditions(tree, problems) : List.of();

        var binder = new ScenarioBinder(environmentTypes, mindKinds, file.toAbsolutePath().getParent());
        List<ResolvedCondition> resolved = new ArrayList<>();
        if (baseValid) {
            for (Condition condition : conditions) {
                LocatedTree variant = tree.copy();
                boolean applied = true;
                for (ValueOverride o : condition.overrides()) {
                    applied &= Overrides.apply(variant, o, problems);
                }
                if (!applied) {
                    continue;
                }
                int before = problems.size();
                schema.check(variant, problems);
                if (problems.size() > before) {
                    continue;
                }
                Scenario scenario = binder.bind(variant, problems);
                if (scenario != null) {
                    resolved.add(new ResolvedCondition(condition, forManifest(variant), scenario));
                }
            }
        }
        problems.throwIfAny();
        return new LoadedScenario(file, hashes, sets, redacted(tree), resolved);
    }

    private String readFile(Path file, SourceLocation where, Problems problems, Map<String, String> hashes) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // keyed by the name relative to the scenario's folder, so a resume from elsewhere matches
            hashes.put(file.getFileName().toString(), sha256(bytes));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(where, "file not found", "check the path; relative paths are resolved from " + Path.of("").toAbsolutePath());
        } catch (IOException e) {
            problems.add(where, "cannot read the file: " + e.getMessage(), null);
        }
        return null;
    }

    /** {@code personas: { bob: personas/bob.yaml }}: reads the file (relative to the scenario) in place. */
    private void readPersonaFiles(Path file, LocatedTree tree, YamlReader reader, Problems problems,
            Map<String, String> hashes) {
        JsonNode personas = tree.root().get("personas");
        if (!(personas instanceof ObjectNode object)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        for (String name : new ArrayList<>(iterable(object))) {
            JsonNode value = object.get(name);
            if (!value.isTextual()) {
                continue;
            }
            String pointer = "/personas" + Locations.segment(name);
            Path personaFile = dir.resolve(value.asText()).normalize();
            Path shown = file.getParent() == null ? Path.of(value.asText()) : file.getParent().resolve(value.asText()).normalize();
            if (!Files.isRegularFile(personaFile)) {
                problems.add(tree.locations().value(pointer), "persona file '" + value.asText() + "' of persona '"
                        + name + "' not found", "paths are relative to the scenario file's folder: " + personaFile);
                continue;
            }
            String text = readFile(personaFile, tree.locations().value(pointer), problems, new LinkedHashMap<>());
            if (text == null) {
                continue;
            }
            hashes.put(value.asText(), sha256(text.getBytes(StandardCharsets.UTF_8)));
            LocatedTree persona = reader.read(shown.toString(), text, problems);
            if (persona == null) {
                continue;
            }
            object.set(name, persona.root());
            tree.locations().graft(pointer, persona.locations());
            persona.secretPointers().forEach(s -> tree.secretPointers().add(pointer + s));
        }
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private ValueOverride parseSet(String set, YamlReader reader, Problems problems) {
        SourceLocation where = SourceLocation.of("--set " + set);
        int eq = set.indexOf('=');
        if (eq <= 0) {
            problems.add(where, "--set expects key=value", "for example --set limits.max-turns=10");
            return null;
        }
        String value = set.substring(eq + 1);
        // read as YAML so numbers, booleans and [lists] keep their type; text that is not valid
        // YAML on its own (an apostrophe, a lone brace) is taken literally
        var yamlProblems = new Problems();
        LocatedTree parsed = value.isEmpty() ? null : reader.read("--set " + set, value, yamlProblems);
        JsonNode node = parsed == null || !yamlProblems.isEmpty()
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf(value) : parsed.root();
        return new ValueOverride(set.substring(0, eq).trim(), node, where);
    }

    private List<Condition> conditions(LocatedTree tree, Problems problems) {
        JsonNode node = tree.root().get("conditions");
        Locations loc = tree.locations();
        List<Condition> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            result.add(new Condition(Condition.DEFAULT, "", List.of()));
            return result;
        }
        Set<String> names = new LinkedHashSet<>();
        if (node instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode c = list.get(i);
                String pointer = "/conditions/" + i;
                String name = c.path("name").asText();
                if (!names.add(name)) {
                    problems.add(loc.value(pointer + "/name"), "duplicate condition name '" + name + "'",
                            "give every condition its own name");
                }
                result.add(new Condition(name, c.path("description").asText(""),
                        overrides(c.path("set"), pointer + "/set", loc)));
            }
            return result;
        }
        // grid: the cartesian product of factors, in declared order; names joined with '+'
        JsonNode grid = node.get("grid");
        List<List<Condition>> factors = new ArrayList<>();
        grid.fieldNames().forEachRemaining(factor -> {
            List<Condition> levels = new ArrayList<>();
            JsonNode levelsNode = grid.get(factor);
            String fp = "/conditions/grid" + Locations.segment(factor);
            levelsNode.fieldNames().forEachRemaining(level -> {
                if (level.contains("+") || level.contains("/")) {
                    problems.add(loc.key(fp + Locations.segment(level)), "level name '" + level + "' may not contain '+' or '/'",
                            "use letters, digits, '.', '_' and '-'");
                }
                levels.add(new Condition(level, factor + "=" + level,
                        overrides(levelsNode.get(level), fp + Locations.segment(level), loc)));
            });
            factors.add(levels);
        });
        List<Condition> product = List.of(new Condition("", "", List.of()));
        for (List<Condition> levels : factors) {
            List<Condition> next = new ArrayList<>();
            for (Condition prefix : product) {
                for (Condition level : levels) {
                    List<ValueOverride> all = new ArrayList<>(prefix.overrides());
                    all.addAll(level.overrides());
                    String name = prefix.name().isEmpty() ? level.name() : prefix.name() + "+" + level.name();
                    String description = prefix.description().isEmpty() ? level.description()
                            : prefix.description() + ", " + level.description();
                    next.add(new Condition(name, description, all));
                }
            }
            product = next;
        }
        return product;
    }

    private static List<ValueOverride> overrides(JsonNode set, String pointer, Locations loc) {
        List<ValueOverride> list = new ArrayList<>();
        if (set == null || !set.isObject()) {
            return list;
        }
        set.fieldNames().forEachRemaining(path -> list.add(
                new ValueOverride(path, set.get(path), loc.key(pointer + Locations.segment(path)))));
        return list;
    }

    private static JsonNode forManifest(LocatedTree tree) {
        JsonNode copy = redacted(tree);
        if (copy instanceof ObjectNode o) {
            o.remove("conditions");
        }
        return copy;
    }

    /** The tree with values from secret-looking environment variables replaced by {@code ***}. */
    static JsonNode redacted(LocatedTree tree) {
        JsonNode copy = tree.root().deepCopy();
        for (String pointer : tree.secretPointers()) {
            JsonPointer p = JsonPointer.compile(pointer);
            JsonNode parent = copy.at(p.head());
            if (parent instanceof ObjectNode o) {
                o.put(p.last().getMatchingProperty(), "***");
            } else if (parent instanceof ArrayNode a) {
                a.set(p.last().getMatchingIndex(), com.fasterxml.jackson.databind.node.TextNode.valueOf("***"));
            }
        }
        return copy;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
