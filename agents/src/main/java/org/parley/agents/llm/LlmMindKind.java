package org.parley.agents.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.parley.agents.mind.EnvironmentMinds;
import org.parley.agents.mind.MindKind;
import org.parley.agents.mind.MindRequest;
import org.parley.agents.mind.PreparedMind;
import org.parley.agents.mind.Suggestions;
import org.parley.agents.persona.Persona;
import org.parley.models.ModelGateway;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * {@code mind: { kind: llm, model: gpt, swaps: [{at-turn: 6, model: local}], max-repairs: 2, … }}:
 * the agent is played by a language model named under {@code models:}, through the run's gateways.
 * The mind reads its goal from the environment's briefing observation, which every environment
 * sends at the start (the briefing is always kept in the mind's memory window).
 */
public final class LlmMindKind implements MindKind<LlmMindSpec> {
    public static final String NAME = "llm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "a language model named under models: plays the agent (needs the model's endpoint and key)";
    }

    @Override
    public Class<LlmMindSpec> parametersType() {
        return LlmMindSpec.class;
    }

    @Override
    public PreparedMind prepare(LlmMindSpec spec, MindRequest request) {
        String at = request.pointer();
        if (!spec.hasModel()) {
            request.report().problem(at, true, "an llm mind needs model: <name of a models: entry>",
                    request.models().isEmpty() ? "add a models: section and name one of its entries"
                            : "models are " + String.join(", ", request.models()));
            return null;
        }
        boolean ok = knownModel(request, at + "/model", spec.model());
        for (int i = 0; i < spec.swaps().size(); i++) {
            LlmMindSpec.Swap swap = spec.swaps().get(i);
            ok &= knownModel(request, at + "/swaps/" + i + "/model", swap.model());
            if (swap.atTurn() < 1) {
                request.report().problem(at + "/swaps/" + i + "/at-turn", false,
                        "a swap's at-turn must be at least 1, was " + swap.atTurn(),
                        "turn 0 is played by mind.model; swaps hand the agent over later");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            spec.schedule();
        } catch (IllegalArgumentException e) {
            request.report().problem(at + "/swaps", false, "llm mind: " + e.getMessage(), "give every swap its own turn");
            return null;
        }
        return new Prepared(spec);
    }

    private static boolean knownModel(MindRequest request, String pointer, String model) {
        List<String> names = request.models();
        if (model != null && names.contains(model)) {
            return true;
        }
        request.report().problem(pointer, false, "model '" + model + "' is not defined under models:",
                names.isEmpty() ? "add a models: section, e.g. models: { gpt: { provider: openai, model: gpt-4o-mini } }"
                        : Suggestions.hint(String.valueOf(model), names, "models"));
        return false;
    }

    /** A checked llm mind block; builds an {@link LlmMind} per episode. */
    record Prepared(LlmMindSpec spec) implements PreparedMind {

        @Override
        public String describe() {
            var sb = new StringBuilder(NAME).append(':').append(spec.model());
            spec.swaps().forEach(s -> sb.append(',').append(s.model()).append('@').append(s.atTurn()));
            return sb.toString();
        }

        @Override
        public List<String> models() {
            var names = new ArrayList<String>();
            names.add(spec.model());
            spec.swaps().forEach(s -> {
                if (!names.contains(s.model())) {
                    names.add(s.model());
                }
            });
            return names;
        }

        @Override
        public Mind create(EpisodeContext.Participant agent, EpisodeContext episode, EnvironmentMinds environment,
                Function<String, ? extends ModelGateway> models) {
            if (models == null) {
                throw new IllegalStateException("agent '" + agent.id() + "' has an llm mind, which needs the run's models;"
                        + " run it through a prepared run (parley run) so its gateways exist");
            }
            // The goal is left to the environment's briefing, which the mind always keeps in memory.
            return new LlmMind(spec.toConfig(agent.id(), agent.role(), Persona.of(agent), null, episode.episodeId(),
                    agent.seed()), models);
        }
    }
}
