package org.parley.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.agents.mind.MindKinds;
import org.parley.agents.mind.RuleBasedMindSpec;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.testenv.EchoEnvironmentType;
import org.parley.scenarios.testenv.TallyEnvironmentType;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private ScenarioLoader loader(Map<String, String> env) {
        return new ScenarioLoader(env::get, EnvironmentTypes.installed(), MindKinds.installed());
    }

    /** The rule-based mind block of an agent, as bound. */
    private static RuleBasedMindSpec ruleBased(AgentSpec agent) {
        return (RuleBasedMindSpec) agent.mind().parameters();
    }

    private List<String> problems(String yaml) {
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        Path file = ScenarioFiles.write(dir, "s.yaml", yaml);
        try {
            loader(Map.of()).load(file);
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        return List.of();
    }

    @Test
    void bindsAValidScenarioForEveryCondition() throws Exception {
        LoadedScenario s = loader(Map.of()).load(ScenarioFiles.valid(dir));
        assertThat(s.conditionNames()).containsExactly("baseline", "long");
        var base = s.conditions().get(0).scenario();
        assertThat(base.name()).isEqualTo("echo-test");
        assertThat(base.protocol()).isEqualTo(new TurnProtocol.Alternating("a"));
        assertThat(base.limits().maxTurns()).isEqualTo(10);
        assertThat(base.limits().actionTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(base.agents()).extracting(a -> a.persona().name()).containsExactly("Alice Chen", "Bob Okafor");
        assertThat(((EchoEnvironmentType.Params) base.environment().params()).maxRounds()).isEqualTo(2);
        assertThat(((EchoEnvironmentType.Params) base.environment().params()).patience()).isEqualTo(Duration.ofSeconds(5));
        var longer = s.conditions().get(1).scenario();
        assertThat(((EchoEnvironmentType.Params) longer.environment().params()).maxRounds()).isEqualTo(4);
        assertThat(ruleBased(longer.agents().get(0)).params()).containsEntry("rate", 0.3);
        assertThat(base.agents().get(0).mind().describe()).isEqualTo("rule-based:eager");
        assertThat(s.fileHashes()).hasSize(2);
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() {
        var p = problems("scenario: x\nenvironment: { type: echo\nagents: []\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).matches(".*s\\.yaml:\\d+:\\d+: YAML syntax error.*");
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        String yaml = ScenarioFiles.VALID.replace("max-turns: 10", "max-turn: 10");
        var p = problems(yaml);
        assertThat(p).singleElement().asString()
                .contains("s.yaml:7:")
                .contains("unknown key 'max-turn' in limits")
                .contains("did you mean 'max-turns'?");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        String yaml = ScenarioFiles.VALID.replace("episodes: 3", "episodes: many");
        var p = problems(yaml);
        assertThat(p).singleElement().asString()
                .contains("s.yaml:23:11: episodes: expected a whole number, found the text 'many'");
    }

    @Test
    void missingPersonaListsTheDefinedOnes() {
        String yaml = ScenarioFiles.VALID.replace("persona: bob", "persona: bobb");
        var p = problems(yaml);
        assertThat(p).singleElement().asString()
                .contains("s.yaml:18:14: persona 'bobb' is not defined")
                .contains("did you mean 'bob'?")
                .contains("defined personas: alice, bob");
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        String yaml = ScenarioFiles.VALID.replace("max-turns: 10", "max-turn: 10")
                .replace("episodes: 3", "episodes: many")
                .replace("role: answerer", "role: answerr");
        var p = problems(yaml);
        // the role problem is found at binding, after the schema errors are fixed; schema errors first
        assertThat(p).hasSize(2);
        String fixedSchema = ScenarioFiles.VALID.replace("role: answerer", "role: answerr")
                .replace("persona: bob", "persona: bobb");
        assertThat(problems(fixedSchema)).hasSize(2)
                .anySatisfy(s -> assertThat(s).contains("did you mean 'answerer'?"));
    }

    @Test
    void paramsAreBoundWithTypeErrorsAndChecks() {
        var p = problems(ScenarioFiles.VALID.replace("max-rounds: 2", "max-roundz: 2"));
        assertThat(p).singleElement().asString().contains("s.yaml:5:")
                .contains("unknown key 'max-roundz'").contains("did you mean 'max-rounds'?");
        p = problems(ScenarioFiles.VALID.replace("threshold: 0.5", "threshold: 1.5"));
        assertThat(p).singleElement().asString().contains("s.yaml:5:")
                .contains("threshold: must be between 0 and 1").contains("use a share such as 0.5");
        p = problems(ScenarioFiles.VALID.replace("patience: 5s", "patience: soon"));
        assertThat(p).singleElement().asString().contains("s.yaml:5:").contains("patience")
                .contains("500ms");
    }

    @Test
    void errorsInsideAPersonaFileNameThatFile() {
        ScenarioFiles.write(dir, "personas/bob.yaml", "name: Bob\nage: old\n");
        Path file = ScenarioFiles.write(dir, "s.yaml", ScenarioFiles.VALID);
        assertThatThrownBy(() -> loader(Map.of()).load(file))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("bob.yaml:2:6: personas.bob.age: expected a whole number"));
    }

    @Test
    void missingPersonaFileIsReportedAtTheReference() {
        Path file = ScenarioFiles.write(dir, "s.yaml", ScenarioFiles.VALID);
        assertThatThrownBy(() -> loader(Map.of()).load(file))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("s.yaml:10:8: persona file 'personas/bob.yaml' of persona 'bob' not found"));
    }

    @Test
    void interpolatesEnvironmentVariablesAndRedactsSecrets() throws Exception {
        String yaml = ScenarioFiles.VALID
                .replace("topic: x", "")
                .replace("patience: 5s }", "patience: '${PATIENCE:-7s}', topic: \"${API_TOKEN}\" }")
                .replace("description: Two agents say numbers.", "description: ${WHO} talk");
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        Path file = ScenarioFiles.write(dir, "s.yaml", yaml);
        LoadedScenario s = loader(Map.of("WHO", "two", "API_TOKEN", "sk-123")).load(file);
        var params = (EchoEnvironmentType.Params) s.base().environment().params();
        assertThat(params.patience()).isEqualTo(Duration.ofSeconds(7));
        assertThat(params.topic()).isEqualTo("sk-123");
        assertThat(s.base().description()).isEqualTo("two talk");
        assertThat(s.resolved().at("/environment/params/topic").asText()).isEqualTo("***");
        assertThat(s.conditions().get(0).tree().at("/environment/params/topic").asText()).isEqualTo("***");
        assertThat(s.resolved().at("/description").asText()).isEqualTo("two talk");

        assertThatThrownBy(() -> loader(Map.of("API_TOKEN", "x")).load(file))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("s.yaml:2:14: environment variable WHO is not set"));
    }

    @Test
    void gridExpandsToTheCartesianProduct() throws Exception {
        String yaml = ScenarioFiles.VALID.substring(0, ScenarioFiles.VALID.indexOf("conditions:")) + """
                conditions:
                  grid:
                    rounds: { short: {}, long: { environment.params.max-rounds: 5 } }
                    eagerness: { low: { agents.a.mind.params.rate: 0.1 }, high: { agents.a.mind.params.rate: 0.9 } }
                episodes: 2
                """;
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        LoadedScenario s = loader(Map.of()).load(ScenarioFiles.write(dir, "g.yaml", yaml));
        assertThat(s.conditionNames()).containsExactly("short+low", "short+high", "long+low", "long+high");
        var longHigh = s.conditions().get(3).scenario();
        assertThat(((EchoEnvironmentType.Params) longHigh.environment().params()).maxRounds()).isEqualTo(5);
        assertThat(ruleBased(longHigh.agents().get(0)).params()).containsEntry("rate", 0.9);
        assertThat(s.conditions().get(0).tree().at("/environment/params/max-rounds").asInt()).isEqualTo(2);
    }

    @Test
    void setOverridesApplyBeforeConditions() throws Exception {
        LoadedScenario s = loader(Map.of()).load(ScenarioFiles.valid(dir),
                List.of("limits.max-turns=3", "agents.b.role=caller", "episodes=7", "environment.params.max-rounds=9",
                        "agents.b.mind.params.rate=0.5"));
        assertThat(ruleBased(s.base().agents().get(1)).params()).containsEntry("rate", 0.5);
        assertThat(s.base().agents().get(1).mind().kind()).isEqualTo("rule-based");
        assertThat(s.base().limits().maxTurns()).isEqualTo(3);
        assertThat(s.base().episodes()).isEqualTo(7);
        assertThat(s.base().agents().get(1).role()).isEqualTo("caller");
        // the condition's own override still wins over --set
        assertThat(((EchoEnvironmentType.Params) s.conditions().get(1).scenario().environment().params()).maxRounds()).isEqualTo(4);
        assertThat(((EchoEnvironmentType.Params) s.conditions().get(0).scenario().environment().params()).maxRounds()).isEqualTo(9);
    }

    @Test
    void anchorsAliasesAndMergeKeysWork() throws Exception {
        String yaml = ScenarioFiles.VALID
                .replace("  alice: { name: Alice Chen,", "  alice: &base { name: Alice Chen,")
                .replace("  bob: personas/bob.yaml", "  bob: personas/bob.yaml\n  carol: { <<: *base, name: Carol }")
                .replace("    persona: alice\n", "    persona: carol\n");
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        LoadedScenario s = loader(Map.of()).load(ScenarioFiles.write(dir, "s.yaml", yaml));
        var carol = s.base().agents().get(0).persona();
        assertThat(carol.name()).isEqualTo("Carol");
        assertThat(carol.age()).isEqualTo(34);
        assertThat(carol.bigFive().openness()).isEqualTo(0.7);
        var p = problems(ScenarioFiles.VALID.replace("persona: alice", "persona: *nowhere"));
        assertThat(p).anySatisfy(x -> assertThat(x).contains("s.yaml:14:14: alias '*nowhere' has no anchor"));
    }

    @Test
    void anEmptyConditionListIsAnError() {
        String yaml = ScenarioFiles.VALID.substring(0, ScenarioFiles.VALID.indexOf("conditions:")) + "conditions: []\n";
        assertThat(problems(yaml)).singleElement().asString().contains("s.yaml:19:13: conditions:");
    }

    @Test
    void setValuesAreYamlOrLiteralText() throws Exception {
        LoadedScenario s = loader(Map.of()).load(ScenarioFiles.valid(dir),
                List.of("description=it's {odd", "personas.alice.values=[calm, thrift]", "environment.params.topic=a=b"));
        assertThat(s.base().description()).isEqualTo("it's {odd");
        assertThat(s.base().personas().get("alice").values()).containsExactly("calm", "thrift");
        assertThat(((EchoEnvironmentType.Params) s.base().environment().params()).topic()).isEqualTo("a=b");
    }

    @Test
    void unknownOverridePathsAreErrorsAtTheOverride() {
        var p = problems(ScenarioFiles.VALID.replace("agents.a.mind.params.rate", "agents.c.mind.params.rate"));
        assertThat(p).singleElement().asString().contains("s.yaml:22:").contains("no agent with id 'c'");
        p = problems(ScenarioFiles.VALID.replace("environment.params.max-rounds", "limits.max-turnz"));
        assertThat(p).singleElement().asString().contains("s.yaml:22:")
                .contains("unknown key 'max-turnz' in limits").contains("did you mean 'max-turns'?");
        assertThatThrownBy(() -> loader(Map.of()).load(ScenarioFiles.valid(dir), List.of("limits.max-turnz=3")))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("--set limits.max-turnz=3: unknown key 'max-turnz' in limits"));
    }

    @Test
    void unknownMindKindAndEnvironmentType() {
        var p = problems(ScenarioFiles.VALID.replace("kind: rule-based", "kind: neural"));
        assertThat(p).singleElement().asString().contains("mind kind 'neural' is not available")
                .contains("installed kinds: llm, rule-based");
        p = problems(ScenarioFiles.VALID.replace("type: echo", "type: ech"));
        assertThat(p).singleElement().asString().contains("unknown environment type 'ech'").contains("did you mean 'echo'?");
    }

    @Test
    void anEnvironmentTypeWithoutRuleBasedMindsIsPlayedByLlmMinds() throws Exception {
        ScenarioFiles.write(dir, "personas/bob.yaml", ScenarioFiles.BOB);
        Path file = ScenarioFiles.write(dir, "tally.yaml", """
                scenario: tally-test
                environment: { type: tally, params: { rounds: 2 } }
                models: { gpt: { provider: openai, model: gpt-4o-mini } }
                personas: { bob: personas/bob.yaml }
                agents:
                  - { id: a, role: speaker, persona: bob, mind: { kind: llm, model: gpt } }
                  - { id: b, role: speaker, persona: bob, mind: { kind: llm, model: gpt } }
                """);
        LoadedScenario s = loader(Map.of()).load(file);
        // the type declares no parametersType(): its type argument is what the params bind to
        assertThat(s.base().environment().params()).isEqualTo(new TallyEnvironmentType.Params(2));
        assertThat(s.base().environment().hasRuleBasedMinds()).isFalse();
        assertThat(s.base().agents()).extracting(a -> a.mind().describe()).containsExactly("llm:gpt", "llm:gpt");
    }

    @Test
    void aMindBlockBindsToItsKindsParametersWithProblemsAtTheirPlace() {
        assertThat(problems(ScenarioFiles.VALID.replace("policy: eager", "polcy: eager"))).singleElement().asString()
                .contains("s.yaml:15:31: unknown key 'polcy' in a rule-based mind (did you mean 'policy'?)");
        assertThat(problems(ScenarioFiles.VALID.replace("policy: eager", "policy: [eager]"))).singleElement().asString()
                .contains("s.yaml:15:39: agents.a.mind.policy: expected a text, found a list");
        assertThat(problems(ScenarioFiles.VALID.replace("params: { rate: 0.1 }", "params: 0.1"))).anySatisfy(p ->
                assertThat(p).contains("s.yaml:15:54: agents.a.mind.params: expected a mapping, found the number 0.1"));
        // an llm mind: its keys, its model, and the keys of a rule-based mind it accepts and ignores
        String llm = ScenarioFiles.VALID.replace("environment:", "models: { gpt: { provider: openai, model: gpt-4o-mini } }\nenvironment:");
        assertThat(problems(llm.replace("kind: rule-based, policy: eager", "kind: llm, model: gpt, policy: eager"))).isEmpty();
        assertThat(problems(llm.replace("kind: rule-based, policy: eager", "kind: llm, modle: gpt"))).singleElement().asString()
                .contains("s.yaml:16:24: unknown key 'modle' in an llm mind (did you mean 'model'?)");
        assertThat(problems(llm.replace("kind: rule-based, policy: eager", "kind: llm, max-repairs: 2"))).singleElement()
                .asString().contains("s.yaml:16:5: an llm mind needs model: <name of a models: entry> (models are gpt)");
        assertThat(problems(llm.replace("kind: rule-based, policy: eager", "kind: llm, model: gpt, max-repairs: many")))
                .singleElement().asString().contains("agents.a.mind.max-repairs: expected a whole number");
        assertThat(problems(llm.replace("kind: rule-based, policy: eager", "kind: llm, model: gtp"))).singleElement()
                .asString().contains("model 'gtp' is not defined under models: (did you mean 'gpt'?)");
        assertThat(ScenarioBinder.aMind("llm")).isEqualTo("an llm mind");
        assertThat(ScenarioBinder.aMind("rule-based")).isEqualTo("a rule-based mind");
        assertThat(ScenarioBinder.aMind("scripted")).isEqualTo("a scripted mind");
    }
}
