package org.parley.scenarios.mind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.parley.environments.spi.AgentSetup;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;
import org.parley.scenarios.mind.Suggestions;

/**
 * {@code mind: { kind: rule-based, policy: negotiator, params: {…} }}: the environment type's own
 * behaviour model. {@code policy} and {@code params} are handed to the environment type, which
 * interprets them.
 */
public final class RuleBasedMindKind implements MindKind {
    public static final String NAME = "rule-based";
    private static final List<String> KEYS = List.of("kind", "policy", "params");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the environment's behaviour model, driven by persona and state with seeded randomness (offline)";
    }

    @Override
    public PreparedMind prepare(MindRequest request) {
        JsonNode mind = request.mind();
        List<String> fields = new ArrayList<>();
        mind.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (!KEYS.contains(field)) {
                request.report().problem(request.pointer() + "/" + field, true,
                        "unknown key '" + field + "' in a rule-based mind",
                        Suggestions.hint(field, KEYS, "allowed keys"));
            }
        }
        JsonNode policy = mind.get("policy");
        if (policy != null && !policy.isTextual()) {
            request.report().problem(request.pointer() + "/policy", false, "policy: expected a text",
                    "write the policy's name, e.g. policy: negotiator");
        }
        JsonNode params = mind.get("params");
        if (params != null && !params.isObject()) {
            request.report().problem(request.pointer() + "/params", false, "params: expected a mapping",
                    "write params: { name: value, … }");
        }
        String label = NAME + ":" + (policy != null && policy.isTextual() ? policy.asText() : "default");
        return new PreparedMind() {
            @Override
            public String describe() {
                return label;
            }

            @Override
            public Mind create(EnvironmentMinds environment, AgentSetup agent, EpisodeContext episode) {
                return environment.ruleBasedMind(agent, episode);
            }
        };
    }
}
