package org.parley.agents.mind;

import java.util.function.Function;
import org.parley.agents.persona.Persona;
import org.parley.models.ModelGateway;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * {@code mind: { kind: rule-based, policy: negotiator, params: {…} }}: the environment type's own
 * behaviour model. {@code policy} and {@code params} are handed to the environment type, which
 * interprets them (and rejects a policy or parameter it does not know when the episode starts).
 */
public final class RuleBasedMindKind implements MindKind<RuleBasedMindSpec> {
    public static final String NAME = "rule-based";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the environment's behaviour model, driven by persona and state with seeded randomness (offline)";
    }

    @Override
    public Class<RuleBasedMindSpec> parametersType() {
        return RuleBasedMindSpec.class;
    }

    @Override
    public PreparedMind prepare(RuleBasedMindSpec spec, MindRequest request) {
        return new Prepared(spec);
    }

    /** A rule-based mind block; asks the environment for the mind in every episode. */
    private record Prepared(RuleBasedMindSpec spec) implements PreparedMind {

        @Override
        public String describe() {
            return NAME + ":" + (spec.policy() == null ? "default" : spec.policy());
        }

        @Override
        public Mind create(EpisodeContext.Participant agent, EpisodeContext episode, EnvironmentMinds environment,
                Function<String, ? extends ModelGateway> models) {
            var setup = new AgentSetup(agent.id(), agent.role(), Persona.of(agent), spec.policy(), spec.params(),
                    agent.seed());
            return environment.ruleBasedMind(setup, episode);
        }
    }
}
