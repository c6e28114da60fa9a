package org.parley.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.agents.mind.MindKind;
import org.parley.agents.mind.MindKinds;
import org.parley.agents.mind.MindRequest;
import org.parley.agents.mind.PreparedMind;
import org.parley.agents.mind.RuleBasedMindKind;
import org.parley.agents.mind.Suggestions;
import org.parley.agents.persona.Persona;
import org.parley.environments.spi.EnvironmentType;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunPlan;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.BoundEnvironment;
import org.parley.scenarios.model.MindSpec;
import org.parley.scenarios.model.MonitoringSpec;
import org.parley.scenarios.model.OutputSpec;
import org.parley.scenarios.model.Scenario;

/**
 * Binds a schema-valid scenario tree (one condition's) to a {@link Scenario}: looks up the
 * environment type and mind kinds, binds the environment's parameters, checks roles and persona
 * references, and reports every problem at its place.
 */
final class ScenarioBinder {
    static final int DEFAULT_EPISODES = 1;
    static final long DEFAULT_SEED = 0;
    static final int DEFAULT_PARALLEL = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final EnvironmentTypes environmentTypes;
    private final MindKinds mindKinds;
    private final java.nio.file.Path scenarioDir;

    ScenarioBinder(EnvironmentTypes environmentTypes, MindKinds mindKinds) {
        this(environmentTypes, mindKinds, null);
    }

    /** @param scenarioDir the scenario file's folder, for paths in the file (rubrics) */
    ScenarioBinder(EnvironmentTypes environmentTypes, MindKinds mindKinds, java.nio.file.Path scenarioDir) {
        this.environmentTypes = environmentTypes;
        this.mindKinds = mindKinds;
        this.scenarioDir = scenarioDir;
    }

    Scenario bind(LocatedTree tree, Problems problems) {
        int before = problems.size();
        JsonNode root = tree.root();

        BoundEnvironment environment = bindEnvironment(tree, problems);
        Map<String, Persona> personas = bindPersonas(tree, problems);
        List<AgentSpec> agents = bindAgents(tree, personas, environment, problems);
        Set<String> ids = new LinkedHashSet<>();
        root.path("agents").forEach(a -> ids.add(a.path("id").asText()));
        TurnProtocol protocol = bindProtocol(tree, ids, problems);
        Limits limits = bindLimits(tree);
        TurnCaps.check(tree, environment, protocol, limits, problems);
        org.parley.scenarios.model.LlmSection llm = LlmSectionBinder.bind(tree, scenarioDir, problems);

        int episodes = root.path("episodes").asInt(DEFAULT_EPISODES);
        long seed = root.path("seed").asLong(DEFAULT_SEED);
        int parallel = root.path("parallel").asInt(DEFAULT_PARALLEL);
        JsonNode out = root.path("output");
        var output = new OutputSpec(out.path("dir").asText("runs"),
                "wall".equals(out.path("timestamps").asText()) ? RunPlan.Timestamps.WALL : RunPlan.Timestamps.LOGICAL);
        JsonNode mon = root.path("monitoring");
        var monitoring = new MonitoringSpec(mon.has("enabled") ? mon.get("enabled").asBoolean() : null,
                mon.has("port") ? mon.get("port").asInt() : null, duration(mon, "linger", null));
        // (a problem already reported for an earlier condition is not counted again, but the load
        // fails on it anyway, so a scenario bound here with a part missing never runs)
        if (problems.size() > before || environment == null) {
            return null;
        }
        return new Scenario(root.path("scenario").asText(), root.path("description").asText(""), environment,
                protocol, limits, personas, agents, episodes, seed, parallel, output, monitoring, llm);
    }

    private BoundEnvironment bindEnvironment(LocatedTree tree, Problems problems) {
        JsonNode env = tree.root().path("environment");
        String typeName = env.path("type").asText();
        EnvironmentType<?> type = environmentTypes.get(typeName);
        if (type == null) {
            problems.add(tree.locations().value("/environment/type"), "unknown environment type '" + typeName + "'",
                    environmentTypes.names().isEmpty() ? "no environment types are installed on the classpath"
                            : Suggestions.hint(typeName, environmentTypes.names(), "installed types"));
            return null;
        }
        JsonNode params = env.has("params") ? env.get("params") : JsonNodeFactory.instance.objectNode();
        if (params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        }
        Class<?> parametersType;
        try {
            parametersType = type.parametersType();
        } catch (RuntimeException e) {
            problems.add(tree.locations().value("/environment/type"), "environment type '" + typeName
                    + "' cannot be used: " + e.getMessage(), null);
            return null;
        }
        // a null result means the problem was reported (perhaps already, for another condition)
        Object bound = Binding.bind(params, parametersType, "/environment/params", tree, problems);
        if (bound == null) {
            return null;
        }
        var result = new BoundEnvironment(type, bound);
        List<String> issues = checkTyped(type, bound);
        for (String issue : issues) {
            // Problems come as "field: what is wrong; how to fix": point at the field when we can.
            String field = issue.contains(":") ? issue.substring(0, issue.indexOf(':')).trim() : "";
            String pointer = "/environment/params" + (field.isEmpty() || field.contains(" ") ? "" : Locations.segment(field));
            String message = issue;
            String hint = null;
            int semi = issue.indexOf(';');
            if (semi > 0) {
                message = issue.substring(0, semi).trim();
                hint = issue.substring(semi + 1).trim();
            }
            problems.add(tree.locations().value(pointer), "environment.params." + message, hint);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <P> List<String> checkTyped(EnvironmentType<P> type, Object params) {
        return type.check((P) params);
    }

    private Map<String, Persona> bindPersonas(LocatedTree tree, Problems problems) {
        var personas = new LinkedHashMap<String, Persona>();
        JsonNode node = tree.root().path("personas");
        node.fieldNames().forEachRemaining(name -> {
            JsonNode value = node.get(name);
            String pointer = "/personas" + Locations.segment(name);
            if (!value.isObject()) {
                return; // an unresolved file reference was already reported
            }
            Persona persona = Binding.bind(value, Persona.class, pointer, tree, problems);
            if (persona != null) {
                personas.put(name, persona);
            }
        });
        return personas;
    }

    private List<AgentSpec> bindAgents(LocatedTree tree, Map<String, Persona> personas, BoundEnvironment environment,
            Problems problems) {
        List<AgentSpec> agents = new ArrayList<>();
        JsonNode list = tree.root().path("agents");
        Locations loc = tree.locations();
        List<String> roles = environment == null ? null : environment.roles();
        Set<String> seen = new LinkedHashSet<>();
        List<String> definedPersonas = new ArrayList<>(tree.root().path("personas").properties().stream()
                .map(Map.Entry::getKey).toList());
        for (int i = 0; i < list.size(); i++) {
            JsonNode agent = list.get(i);
            String pointer = "/agents/" + i;
            String id = agent.path("id").asText();
            if (!seen.add(id)) {
                problems.add(loc.value(pointer + "/id"), "duplicate agent id '" + id + "'", "give every agent its own id");
            }
            String role = agent.path("role").asText();
            if (roles != null && !roles.contains(role)) {
                problems.add(loc.value(pointer + "/role"), "role '" + role + "' is not a role of environment '"
                        + environment.name() + "'", Suggestions.hint(role, roles, "roles"));
            }
            String personaName = agent.path("persona").asText();
            Persona persona = personas.get(personaName);
            if (persona == null && !definedPersonas.contains(personaName)) {
                String close = Suggestions.closest(personaName, definedPersonas);
                problems.add(loc.value(pointer + "/persona"), "persona '" + personaName + "' is not defined",
                        (close != null ? "did you mean '" + close + "'? " : "")
                                + (definedPersonas.isEmpty() ? "add a 'personas:' section"
                                : "defined personas: " + String.join(", ", definedPersonas)));
            }
            MindSpec mind = bindMind(tree, pointer, id, role, environment, problems);
            if (persona != null && mind != null) {
                agents.add(new AgentSpec(id, role, personaName, persona, mind));
            }
        }
        return agents;
    }

    private MindSpec bindMind(LocatedTree tree, String agentPointer, String id, String role, BoundEnvironment environment,
            Problems problems) {
        JsonNode mind = tree.root().at(agentPointer + "/mind");
        String pointer = agentPointer + "/mind";
        boolean declared = !mind.isMissingNode();
        if (!declared) {
            // No mind block: the environment's default rule-based behaviour.
            mind = JsonNodeFactory.instance.objectNode().put("kind", RuleBasedMindKind.NAME);
        }
        String kindName = mind.path("kind").asText();
        MindKind<?> kind = mindKinds.get(kindName);
        Locations loc = tree.locations();
        if (kind == null) {
            String close = Suggestions.closest(kindName, mindKinds.names());
            problems.add(loc.value(pointer + "/kind"), "mind kind '" + kindName + "' is not available",
                    (close != null ? "did you mean '" + close + "'? " : "") + "installed kinds: "
                            + String.join(", ", mindKinds.names())
                            + ("llm".equals(kindName) ? "; llm minds also need a 'models' section" : ""));
            return null;
        }
        if (kindName.equals(RuleBasedMindKind.NAME) && environment != null && !environment.hasRuleBasedMinds()) {
            problems.add(loc.value(declared ? pointer : agentPointer), declared
                            ? "agent '" + id + "' has a rule-based mind, but environment type '" + environment.name()
                                    + "' has no rule-based minds"
                            : "agent '" + id + "' has no mind, and environment type '" + environment.name()
                                    + "' has no rule-based minds to give it by default",
                    "use an llm mind: mind: { kind: llm, model: <a name under models:> }");
            return null;
        }
        // The block's other keys are the kind's parameters, bound like environment.params.
        ObjectNode body = mind.isObject() ? ((ObjectNode) mind).deepCopy() : JsonNodeFactory.instance.objectNode();
        body.remove("kind");
        Object parameters = Binding.bind(body, kind.parametersType(), pointer, aMind(kindName), tree, problems);
        if (parameters == null) {
            return null;
        }
        int before = problems.size();
        MindRequest.Report report = (p, atKey, message, hint) ->
                problems.add(atKey ? loc.key(p) : loc.value(p), message, hint);
        var models = new ArrayList<String>();
        tree.root().path("models").fieldNames().forEachRemaining(models::add);
        PreparedMind prepared = prepareTyped(kind, parameters, new MindRequest(id, role, pointer, models, report));
        if (problems.size() > before || prepared == null) {
            return null;
        }
        return new MindSpec(kindName, parameters, prepared);
    }

    @SuppressWarnings("unchecked")
    private static <P> PreparedMind prepareTyped(MindKind<P> kind, Object parameters, MindRequest request) {
        return kind.prepare((P) parameters, request);
    }

    /**
     * How problems name a mind block of a kind: "a rule-based mind", "an llm mind" (an initialism
     * is read letter by letter, so its article follows the first letter's name).
     */
    static String aMind(String kind) {
        boolean initialism = !kind.isEmpty() && kind.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0);
        boolean vowelSound = !kind.isEmpty() && (initialism ? "aefhilmnorsx" : "aeiou").indexOf(kind.charAt(0)) >= 0;
        return (vowelSound ? "an " : "a ") + kind + " mind";
    }

    private TurnProtocol bindProtocol(LocatedTree tree, Set<String> agentIds, Problems problems) {
        JsonNode p = tree.root().path("protocol");
        Locations loc = tree.locations();
        if (p.isMissingNode()) {
            return agentIds.size() == 2 ? new TurnProtocol.Alternating(null) : new TurnProtocol.RoundRobin();
        }
        String type = p.path("type").asText();
        Map<String, String> owner = Map.of("first-speaker", "alternating", "allow-repeat", "random",
                "barrier-timeout", "simultaneous", "max-wait", "free");
        p.fieldNames().forEachRemaining(key -> {
            String belongs = owner.get(key);
            if (belongs != null && !belongs.equals(type)) {
                problems.add(loc.key("/protocol" + Locations.segment(key)),
                        "'" + key + "' applies only to the " + belongs + " protocol, not " + type,
                        "remove it, or use type: " + belongs);
            }
        });
        return switch (type) {
            case "alternating" -> {
                String first = p.has("first-speaker") ? p.get("first-speaker").asText() : null;
                if (first != null && !agentIds.isEmpty() && !agentIds.contains(first)) {
                    problems.add(loc.value("/protocol/first-speaker"), "first-speaker '" + first + "' is not an agent id",
                            Suggestions.hint(first, agentIds, "agents"));
                }
                if (agentIds.size() != 2 && !agentIds.isEmpty()) {
                    problems.add(loc.value("/protocol/type"), "the alternating protocol needs exactly two agents, found "
                            + agentIds.size(), "use round-robin, random, simultaneous or free for more agents");
                }
                yield new TurnProtocol.Alternating(first);
            }
            case "round-robin" -> new TurnProtocol.RoundRobin();
            case "random" -> new TurnProtocol.RandomOrder(p.path("allow-repeat").asBoolean(false));
            case "simultaneous" -> new TurnProtocol.Simultaneous(duration(p, "barrier-timeout", Duration.ofSeconds(30)));
            case "free" -> new TurnProtocol.Free(duration(p, "max-wait", Duration.ofSeconds(60)));
            default -> null;
        };
    }

    private Limits bindLimits(LocatedTree tree) {
        Limits d = Limits.defaults();
        JsonNode l = tree.root().path("limits");
        return new Limits(
                l.path("max-turns").asInt(d.maxTurns()),
                l.path("stale-turns").asInt(d.staleTurns()),
                l.path("end-on-leave").asBoolean(d.endOnLeave()),
                duration(l, "episode-timeout", d.episodeTimeout()),
                duration(l, "action-timeout", d.actionTimeout()));
    }

    private static Duration duration(JsonNode parent, String key, Duration fallback) {
        Duration d = parent.has(key) ? Durations.parse(parent.get(key).asText()) : null;
        return d == null ? fallback : d;
    }
}
