package org.parley.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.Persona;

class LlmMindSpecTest {
    private final JsonMapper json = new JsonMapper();

    @Test
    void bindsTheMindSectionAndBuildsTheAgentsConfig() throws Exception {
        var spec = json.readValue("""
                {"model": "strong", "swaps": [{"at-turn": 6, "model": "weak"}], "max-repairs": 1,
                 "memory-window": 10, "turn-prompt": "Your move, {{agent}}. {{options}}"}
                """, LlmMindSpec.class);

        var config = spec.toConfig("a1", "leader", Persona.named("Ann"), "Reach the exit.", "relay/0003", 5L);

        assertThat(config.schedule().modelAt(5)).isEqualTo("strong");
        assertThat(config.schedule().modelAt(6)).isEqualTo("weak");
        assertThat(config.maxRepairs()).isEqualTo(1);
        assertThat(config.memory()).isInstanceOf(RecentWindow.class);
        assertThat(config.turnPrompt().text()).isEqualTo("Your move, {{agent}}. {{options}}");
        assertThat(config.systemPrompt().name()).isEqualTo("agent");
        assertThat(config.goal()).isEqualTo("Reach the exit.");
        assertThat(config.episodeId()).isEqualTo("relay/0003");
    }

    @Test
    void needsAModelAndAScheduleFromTurnZero() throws Exception {
        // a block without a model binds (the scenario loader reports it with the scenario's models) but plays nobody
        var modelless = json.readValue("{\"swaps\": []}", LlmMindSpec.class);
        assertThat(modelless.hasModel()).isFalse();
        assertThatThrownBy(modelless::schedule).hasMessageContaining("mind.model is required");
        assertThatThrownBy(() -> modelless.toConfig("a1", "leader", Persona.named("Ann"), null, "e/0", 1))
                .hasMessageContaining("mind.model is required");
        assertThatThrownBy(() -> new ModelSchedule(java.util.List.of(new ModelSchedule.Entry(3, "x"))))
                .hasMessageContaining("from turn 0");
    }
}
