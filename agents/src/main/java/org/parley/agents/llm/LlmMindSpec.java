package org.parley.agents.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.parley.agents.persona.Persona;

/**
 * An agent's {@code mind:} section when {@code kind: llm}, as scenario files write it:
 * <pre>
 * mind: { kind: llm, model: gpt, swaps: [ { at-turn: 6, model: small } ], max-repairs: 2,
 *         memory-window: 60, system-prompt: "...", turn-prompt: "...", repair-prompt: "..." }
 * </pre>
 * A scenario may also write {@code policy} and {@code params}, the keys of a rule-based mind: they
 * are accepted and ignored, so that conditions written for rule-based minds
 * ({@code agents.seller.mind.params.patience: 12}) still load when only the minds change to llm.
 *
 * @param model        the model (a name under {@code models:}) that plays the agent from turn 0;
 *                     required, and checked with the scenario's models when the mind is prepared
 *                     ({@link LlmMindKind}), so a block is read whole and every mistake in it reported
 * @param swaps        later hand-overs to other models
 * @param systemPrompt replacement system prompt template, or null for the bundled one
 * @param turnPrompt   replacement turn prompt template, or null
 * @param repairPrompt replacement re-ask template, or null
 * @param maxRepairs   re-asks after an unusable answer (default 2)
 * @param memoryWindow observations shown to the model (default 60)
 */
@JsonIgnoreProperties({"policy", "params"})
public record LlmMindSpec(
        String model,
        List<Swap> swaps,
        @JsonProperty("system-prompt") String systemPrompt,
        @JsonProperty("turn-prompt") String turnPrompt,
        @JsonProperty("repair-prompt") String repairPrompt,
        @JsonProperty("max-repairs") Integer maxRepairs,
        @JsonProperty("memory-window") Integer memoryWindow) {

    /** From {@code atTurn} on, {@code model} plays the agent. */
    public record Swap(@JsonProperty("at-turn") long atTurn, String model) {}

    public LlmMindSpec {
        swaps = swaps == null ? List.of() : List.copyOf(swaps);
    }

    /** Whether the block names a model. */
    public boolean hasModel() {
        return model != null && !model.isBlank();
    }

    /** Which model plays the agent from which turn. */
    public ModelSchedule schedule() {
        if (!hasModel()) {
            throw new IllegalStateException("mind.model is required for kind llm: name one of the models: entries");
        }
        var entries = new ArrayList<ModelSchedule.Entry>();
        entries.add(new ModelSchedule.Entry(0, model));
        swaps.forEach(s -> entries.add(new ModelSchedule.Entry(s.atTurn(), s.model())));
        return new ModelSchedule(entries);
    }

    /** The configuration of one agent in one episode. */
    public LlmMindConfig toConfig(String agent, String role, Persona persona, String goal, String episodeId, long agentSeed) {
        var schedule = schedule();
        var config = LlmMindConfig.of(agent, role, persona, model)
                .withSchedule(schedule)
                .withGoal(goal)
                .inEpisode(episodeId, agentSeed)
                .withPrompts(systemPrompt, turnPrompt, repairPrompt)
                .withMaxRepairs(maxRepairs == null ? LlmMindConfig.DEFAULT_MAX_REPAIRS : maxRepairs);
        return memoryWindow == null ? config : config.withMemory(new RecentWindow(memoryWindow));
    }
}
