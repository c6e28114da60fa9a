package org.parley.environments.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/**
 * The bundled dialogue scenario files: their params bind to {@link DialogueParams} with unknown
 * keys rejected, their persona files bind to {@link Persona}, every condition's overrides give valid
 * episodes, and the conditions lead to measurably different outcomes.
 */
class BundledScenariosTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final Set<String> TOP_LEVEL = Set.of("scenario", "description", "environment", "protocol", "limits",
            "personas", "agents", "conditions", "episodes", "seed", "parallel", "output");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Means of the scores of one condition. */
    record ConditionResult(String name, double dealRate, double meanDealPrice, double favourGranted, double turns,
            double endedByEnvironment, Map<String, Double> agentGoal) {}

    static Map<String, ConditionResult> runAll(String file) throws IOException {
        Path path = SCENARIOS.resolve(file);
        JsonNode root = YAML.readTree(path.toFile());
        root.fieldNames().forEachRemaining(k -> assertThat(TOP_LEVEL).as("top-level key in " + file).contains(k));
        assertThat(root.at("/environment/type").asText()).isEqualTo("dialogue");
        var results = new LinkedHashMap<String, ConditionResult>();
        for (JsonNode condition : root.get("conditions")) {
            ObjectNode resolved = root.deepCopy();
            condition.path("set").fields().forEachRemaining(e -> override(resolved, e.getKey(), e.getValue()));
            results.put(condition.get("name").asText(), runCondition(path, resolved, condition.get("name").asText()));
        }
        return results;
    }

    private static ConditionResult runCondition(Path file, ObjectNode scenario, String condition) throws IOException {
        DialogueParams params = YAML.treeToValue(scenario.at("/environment/params"), DialogueParams.class);
        assertThat(new DialogueType().check(params)).as(file + " condition " + condition).isEmpty();
        var personas = new LinkedHashMap<String, Persona>();
        for (var it = scenario.get("personas").fields(); it.hasNext();) {
            var e = it.next();
            JsonNode node = e.getValue().isTextual()
                    ? YAML.readTree(file.getParent().resolve(e.getValue().asText()).toFile())
                    : e.getValue();
            personas.put(e.getKey(), YAML.treeToValue(node, Persona.class));
        }
        String first = scenario.at("/protocol/first-speaker").asText();
        assertThat(scenario.at("/protocol/type").asText()).isEqualTo("alternating");
        int maxTurns = scenario.at("/limits/max-turns").asInt();
        int episodes = scenario.get("episodes").asInt();
        long seed = scenario.get("seed").asLong();
        double deals = 0;
        double price = 0;
        double favour = 0;
        double turns = 0;
        double byEnvironment = 0;
        var goals = new LinkedHashMap<String, Double>();
        for (int i = 0; i < episodes; i++) {
            long episodeSeed = Seeds.episode(seed, condition, i);
            var agents = new ArrayList<AgentSetup>();
            for (JsonNode a : scenario.get("agents")) {
                String id = a.get("id").asText();
                assertThat(params.roles()).containsKey(a.get("role").asText());
                assertThat(a.at("/mind/kind").asText()).isEqualTo("rule-based");
                @SuppressWarnings("unchecked")
                Map<String, Object> mindParams = a.at("/mind/params").isMissingNode()
                        ? Map.of() : YAML.treeToValue(a.at("/mind/params"), LinkedHashMap.class);
                Persona persona = personas.get(a.get("persona").asText());
                assertThat(persona).as("persona " + a.get("persona")).isNotNull();
                agents.add(new AgentSetup(id, a.get("role").asText(), persona, a.at("/mind/policy").asText(null),
                        mindParams, Seeds.agent(episodeSeed, id)));
            }
            var run = AlternatingLoop.run(params, agents, first, episodeSeed, maxTurns, SimulationMetrics.NONE);
            deals += run.episode("deal_reached");
            price += run.episode("deal_reached") == 1.0 ? run.episode("deal_price") : 0;
            favour += run.outcome().episodeScores().getOrDefault("favour_granted", 0.0);
            turns += run.actions().size();
            byEnvironment += run.endReason().equals("max-turns") ? 0 : 1;
            run.outcome().agentScores().forEach((agent, s) -> goals.merge(agent, s.get("goal") / episodes, Double::sum));
        }
        return new ConditionResult(condition, deals / episodes, deals == 0 ? 0 : price / deals, favour / episodes,
                turns / episodes, byEnvironment / episodes, goals);
    }

    /** Applies one dotted override; {@code agents.<id>} picks the agent with that id. */
    static void override(ObjectNode root, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (node instanceof ArrayNode array) {
                JsonNode found = null;
                for (JsonNode item : array) {
                    if (item.path("id").asText().equals(parts[i])) {
                        found = item;
                    }
                }
                assertThat(found).as("agent " + parts[i] + " in override " + dotted).isNotNull();
                node = found;
            } else {
                var object = (ObjectNode) node;
                node = object.has(parts[i]) ? object.get(parts[i]) : object.putObject(parts[i]);
            }
        }
        ((ObjectNode) node).set(parts[parts.length - 1], value);
    }

    @Test
    void quickstartConditionsDiffer() throws IOException {
        var r = runAll("quickstart.yaml");
        assertThat(r.keySet()).containsExactly("baseline", "stubborn-seller", "eager-buyer");
        r.values().forEach(c -> assertThat(c.endedByEnvironment()).as(c.name()).isGreaterThanOrEqualTo(0.9));
        assertThat(r.get("baseline").dealRate()).isGreaterThan(0.6);
        assertThat(r.get("stubborn-seller").dealRate()).isLessThan(r.get("baseline").dealRate() - 0.2);
        assertThat(r.get("eager-buyer").meanDealPrice()).isGreaterThan(r.get("baseline").meanDealPrice() + 10);
        assertThat(r.get("eager-buyer").agentGoal().get("seller")).isGreaterThan(r.get("baseline").agentGoal().get("seller"));
    }

    @Test
    void favourCarIsGrantedMoreOftenToFamily() throws IOException {
        var r = runAll("dialogue/favour-car.yaml");
        assertThat(r.keySet()).containsExactly("acquaintances", "strangers", "family");
        assertThat(r.get("family").favourGranted()).isGreaterThan(r.get("strangers").favourGranted());
        r.values().forEach(c -> assertThat(c.endedByEnvironment()).as(c.name()).isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void refusalLoanFirmnessChangesTheAnswer() throws IOException {
        var r = runAll("dialogue/refusal-loan.yaml");
        assertThat(r.get("soft-refuser").favourGranted()).isGreaterThan(r.get("firm-refuser").favourGranted() + 0.3);
        assertThat(r.get("firm-refuser").agentGoal().get("friend")).isGreaterThan(r.get("soft-refuser").agentGoal().get("friend"));
    }

    @Test
    void smallTalkRunsLongerWithAChattyResponder() throws IOException {
        var r = runAll("dialogue/small-talk.yaml");
        assertThat(r.get("chatty-responder").turns()).isGreaterThan(r.get("colleagues").turns() + 1);
        r.values().forEach(c -> assertThat(c.endedByEnvironment()).as(c.name()).isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void paramsSurviveAJsonRoundTripForManifests() throws IOException {
        var json = new ObjectMapper();
        JsonNode root = YAML.readTree(SCENARIOS.resolve("quickstart.yaml").toFile());
        DialogueParams params = YAML.treeToValue(root.at("/environment/params"), DialogueParams.class);
        String written = json.writeValueAsString(params);
        assertThat(written).contains("\"max-rounds\":15", "\"public-info\"", "\"type\":\"negotiate\"", "\"relationship\":\"strangers\"");
        assertThat(json.readValue(written, DialogueParams.class)).isEqualTo(params);
    }

    @Test
    void everyPersonaFileBinds() throws IOException {
        try (var files = Files.list(SCENARIOS.resolve("personas"))) {
            var names = new ArrayList<String>();
            for (Path p : files.sorted().toList()) {
                names.add(YAML.readValue(p.toFile(), Persona.class).name());
            }
            assertThat(names).hasSizeGreaterThanOrEqualTo(6).doesNotContainNull();
        }
    }
}
