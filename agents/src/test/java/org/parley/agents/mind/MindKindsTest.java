package org.parley.agents.mind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.parley.agents.llm.LlmMindKind;
import org.parley.agents.llm.LlmMindSpec;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/** The mind-kind SPI as plain objects: the installed kinds, their parameters, what they prepare and build. */
class MindKindsTest {
    record Problem(String pointer, boolean atKey, String message, String hint) {}

    private final List<Problem> problems = new ArrayList<>();

    private MindRequest request(List<String> models) {
        return new MindRequest("seller", "seller", "/agents/0/mind", models,
                (pointer, atKey, message, hint) -> problems.add(new Problem(pointer, atKey, message, hint)));
    }

    @Test
    void ruleBasedAndLlmKindsAreInstalledWithTheirParameterRecords() {
        var kinds = MindKinds.installed();
        assertThat(kinds.names()).containsExactly("llm", "rule-based");
        assertThat(kinds.get("rule-based").parametersType()).isEqualTo(RuleBasedMindSpec.class);
        assertThat(kinds.get("llm").parametersType()).isEqualTo(LlmMindSpec.class);
        assertThat(kinds.all()).allSatisfy(k -> assertThat(k.summary()).isNotBlank());
    }

    @Test
    void aRuleBasedMindIsTheEnvironmentsWithThePolicyParamsPersonaAndSeedOfTheAgent() {
        var spec = new RuleBasedMindSpec("haggler", Map.of("patience", 12));
        PreparedMind prepared = new RuleBasedMindKind().prepare(spec, request(List.of()));
        assertThat(problems).isEmpty();
        assertThat(prepared.describe()).isEqualTo("rule-based:haggler");
        assertThat(new RuleBasedMindKind().prepare(new RuleBasedMindSpec(null, null), request(List.of())).describe())
                .isEqualTo("rule-based:default");

        var persona = Persona.named("Sam Ortiz");
        var agent = new EpisodeContext.Participant("seller", "seller", 42, persona);
        var episode = new EpisodeContext("c/0001", "c", 7, List.of(agent), null);
        var asked = new ArrayList<AgentSetup>();
        Mind mind = prepared.create(agent, episode, (setup, context) -> {
            asked.add(setup);
            assertThat(context).isSameAs(episode);
            return new Quiet();
        }, null);

        assertThat(mind).isInstanceOf(Quiet.class);
        assertThat(asked).containsExactly(new AgentSetup("seller", "seller", persona, "haggler", Map.of("patience", 12), 42));
    }

    @Test
    void anLlmMindNeedsAModelOfTheScenarioAndSwapsAfterTurnZero() {
        var kind = new LlmMindKind();
        assertThat(kind.prepare(new LlmMindSpec(null, null, null, null, null, null, null), request(List.of("gpt"))))
                .isNull();
        assertThat(problems).containsExactly(new Problem("/agents/0/mind", true,
                "an llm mind needs model: <name of a models: entry>", "models are gpt"));
        problems.clear();

        var swaps = List.of(new LlmMindSpec.Swap(0, "gpt"), new LlmMindSpec.Swap(4, "loacl"));
        assertThat(kind.prepare(new LlmMindSpec("gtp", swaps, null, null, null, null, null), request(List.of("gpt", "local"))))
                .isNull();
        assertThat(problems).extracting(Problem::pointer, Problem::message, Problem::hint).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/agents/0/mind/model", "model 'gtp' is not defined under models:",
                        "did you mean 'gpt'?"),
                org.assertj.core.groups.Tuple.tuple("/agents/0/mind/swaps/0/at-turn", "a swap's at-turn must be at least 1, was 0",
                        "turn 0 is played by mind.model; swaps hand the agent over later"),
                org.assertj.core.groups.Tuple.tuple("/agents/0/mind/swaps/1/model", "model 'loacl' is not defined under models:",
                        "did you mean 'local'?"));
        problems.clear();

        var prepared = kind.prepare(new LlmMindSpec("gpt", List.of(new LlmMindSpec.Swap(6, "local")), null, null, null,
                null, null), request(List.of("gpt", "local")));
        assertThat(problems).isEmpty();
        assertThat(prepared.describe()).isEqualTo("llm:gpt,local@6");
        assertThat(prepared.models()).containsExactly("gpt", "local");
        var agent = new EpisodeContext.Participant("seller", "seller", 42, null);
        assertThatThrownBy(() -> prepared.create(agent, new EpisodeContext("c/0001", "c", 7, List.of(agent), null),
                (setup, context) -> new Quiet(), null)).hasMessageContaining("needs the run's models");
    }

    /** A mind that never says anything. */
    static final class Quiet implements Mind {
        @Override
        public void perceive(Observation observation) {}

        @Override
        public CompletionStage<Action> decide(Turn turn) {
            return CompletableFuture.completedFuture(Action.none(turn.agent()));
        }

        @Override
        public String describe() {
            return "test:quiet";
        }
    }
}
