package org.parley.environments.socialveil;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.environments.spi.EnvironmentType;
import org.parley.runtime.seed.Seeds;

/**
 * Test-side reader of the bundled scenario files: expands conditions (list or grid of dotted
 * overrides), binds the environment params and personas with Jackson the way the scenario loader
 * does, and builds the agents of an episode. Lets tests run the bundled files offline.
 */
public final class ScenarioFile {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public final Path path;
    public final JsonNode root;

    private ScenarioFile(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    public static ScenarioFile read(Path path) throws IOException {
        return new ScenarioFile(path, YAML.readTree(path.toFile()));
    }

    /** Condition name → the resolved scenario tree with that condition's overrides applied. */
    public Map<String, JsonNode> conditions() {
        var out = new LinkedHashMap<String, JsonNode>();
        JsonNode c = root.path("conditions");
        if (c.isMissingNode() || c.isNull()) {
            out.put("baseline", root.deepCopy());
        } else if (c.isArray()) {
            for (JsonNode cond : c) {
                var tree = root.deepCopy();
                cond.path("set").fields().forEachRemaining(e -> set(tree, e.getKey(), e.getValue()));
                out.put(cond.path("name").asText(), tree);
            }
        } else {
            var names = new ArrayList<String>();
            var trees = new ArrayList<JsonNode>();
            names.add("");
            trees.add(root.deepCopy());
            for (var factor : iterable(c.path("grid").fields())) {
                var nextNames = new ArrayList<String>();
                var nextTrees = new ArrayList<JsonNode>();
                for (int i = 0; i < names.size(); i++) {
                    for (var level : iterable(factor.getValue().fields())) {
                        var tree = trees.get(i).deepCopy();
                        level.getValue().fields().forEachRemaining(e -> set(tree, e.getKey(), e.getValue()));
                        nextNames.add(names.get(i).isEmpty() ? level.getKey() : names.get(i) + "+" + level.getKey());
                        nextTrees.add(tree);
                    }
                }
                names = nextNames;
                trees = nextTrees;
            }
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), trees.get(i));
            }
        }
        return out;
    }

    public <P> P params(EnvironmentType<P> type, JsonNode tree) throws IOException {
        return YAML.treeToValue(tree.path("environment").path("params"), type.parametersType());
    }

    public Persona persona(JsonNode tree, String ref) throws IOException {
        JsonNode p = tree.path("personas").path(ref);
        if (p.isTextual()) {
            return YAML.readValue(path.resolveSibling(p.asText()).toFile(), Persona.class);
        }
        return YAML.treeToValue(p, Persona.class);
    }

    /** The agents of one episode, in declared order, with seeds derived as the runtime does. */
    @SuppressWarnings("unchecked")
    public List<AgentSetup> agents(JsonNode tree, long episodeSeed) throws IOException {
        var out = new ArrayList<AgentSetup>();
        for (JsonNode a : tree.path("agents")) {
            String id = a.path("id").asText();
            Map<String, Object> params = YAML.convertValue(a.path("mind").path("params"), Map.class);
            out.add(new AgentSetup(id, a.path("role").asText(), persona(tree, a.path("persona").asText()),
                    a.path("mind").path("policy").asText(null), params == null ? Map.of() : new LinkedHashMap<>(params),
                    Seeds.agent(episodeSeed, id)));
        }
        return out;
    }

    private static void set(JsonNode tree, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            if (node.isArray()) {
                node = find((ArrayNode) node, parts[i]);
            } else {
                JsonNode next = node.path(parts[i]);
                if (next.isMissingNode() || next.isNull()) {
                    next = ((ObjectNode) node).putObject(parts[i]);
                }
                node = next;
            }
        }
        ((ObjectNode) node).set(parts[parts.length - 1], value);
    }

    private static JsonNode find(ArrayNode agents, String id) {
        for (JsonNode a : agents) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("override names agent " + id + " which the scenario does not declare");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
