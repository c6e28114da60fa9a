package org.parley.scenarios.mind;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.parley.agents.llm.LlmMind;
import org.parley.agents.llm.LlmMindSpec;
import org.parley.environments.spi.AgentSetup;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.models.ModelGateway;
import org.parley.runtime.mind.Mind;
import org.parley.scenarios.mind.Suggestions;

/**
 * {@code mind: { kind: llm, model: gpt, swaps: [{at-turn: 6, model: local}], max-repairs: 2, … }}:
 * the agent is played by a language model named under {@code models:}, through the run's gateways.
 * The mind reads its goal from the environment's briefing observation, which every environment
 * sends at the start (the briefing is always kept in the mind's memory window).
 */
public final class LlmMindKind implements MindKind {
    public static final String NAME = "llm";
    private static final List<String> KEYS = List.of("kind", "model", "swaps", "system-prompt", "turn-prompt",
            "repair-prompt", "max-repairs", "memory-window", "policy", "params");
    /**
     * Keys of the rule-based behaviour that an llm mind accepts and ignores, so that conditions
     * written for rule-based minds ({@code agents.seller.mind.params.patience: 12}) still load when
     * only the minds change to {@code kind: llm}.
     */
    private static final List<String> RULE_BASED_KEYS = List.of("policy", "params");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "a language model named under models: plays the agent (needs the model's endpoint and key)";
    }

    @Override
    public PreparedMind prepare(MindRequest request) {
        JsonNode mind = request.mind();
        String at = request.pointer();
        boolean ok = true;
        List<String> fields = new ArrayList<>();
        mind.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (!KEYS.contains(field)) {
                request.report().problem(at + "/" + field, true, "unknown key '" + field + "' in an llm mind",
                        Suggestions.hint(field, KEYS, "allowed keys"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        JsonNode models = request.scenario().path("models");
        List<String> modelNames = new ArrayList<>();
        models.fieldNames().forEachRemaining(modelNames::add);
        if (!mind.path("model").isTextual()) {
            request.report().problem(mind.has("model") ? at + "/model" : at, !mind.has("model"),
                    "an llm mind needs model: <name of a models: entry>",
                    modelNames.isEmpty() ? "add a models: section and name one of its entries"
                            : "models are " + String.join(", ", modelNames));
            return null;
        }
        ObjectNode body = ((ObjectNode) mind).deepCopy();
        body.remove("kind");
        body.remove(RULE_BASED_KEYS);
        LlmMindSpec spec;
        try {
            spec = MAPPER.treeToValue(body, LlmMindSpec.class);
        } catch (JsonMappingException e) {
            var path = new StringBuilder(at);
            for (JsonMappingException.Reference ref : e.getPath()) {
                path.append(ref.getFieldName() != null ? "/" + ref.getFieldName() : "/" + ref.getIndex());
            }
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            int nl = message == null ? -1 : message.indexOf('\n');
            request.report().problem(path.toString(), false, "llm mind: " + (nl < 0 ? message : message.substring(0, nl)),
                    "see docs/models.md for the keys of an llm mind");
            return null;
        } catch (Exception e) {
            request.report().problem(at, false, "llm mind: " + e.getMessage(), null);
            return null;
        }
        ok &= knownModel(request, at + "/model", spec.model(), modelNames);
        for (int i = 0; i < spec.swaps().size(); i++) {
            LlmMindSpec.Swap swap = spec.swaps().get(i);
            ok &= knownModel(request, at + "/swaps/" + i + "/model", swap.model(), modelNames);
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

    private static boolean knownModel(MindRequest request, String pointer, String model, List<String> names) {
        if (model != null && names.contains(model)) {
            return true;
        }
        request.report().problem(pointer, false, "model '" + model + "' is not defined under models:",
                names.isEmpty() ? "add a models: section, e.g. models: { gpt: { provider: openai, model: gpt-4o-mini } }"
                        : Suggestions.hint(String.valueOf(model), names, "models"));
        return false;
    }

    /** A checked llm mind block; builds an {@link LlmMind} per episode. */
    static final class Prepared implements PreparedMind {
        private final LlmMindSpec spec;

        Prepared(LlmMindSpec spec) {
            this.spec = spec;
        }

        LlmMindSpec spec() {
            return spec;
        }

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
        public Mind create(EnvironmentMinds environment, AgentSetup agent, EpisodeContext episode) {
            throw new IllegalStateException("agent '" + agent.id() + "' has an llm mind, which needs the run's models;"
                    + " run it through a prepared run (parley run) so its gateways exist");
        }

        @Override
        public Mind create(EnvironmentMinds environment, AgentSetup agent, EpisodeContext episode,
                Function<String, ? extends ModelGateway> models) {
            if (models == null) {
                return create(environment, agent, episode);
            }
            // The goal is left to the environment's briefing, which the mind always keeps in memory.
            return new LlmMind(spec.toConfig(agent.id(), agent.role(), agent.persona(), null, episode.episodeId(),
                    agent.seed()), models);
        }
    }
}
