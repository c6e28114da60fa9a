package org.parley.scenarios.model;

import java.util.List;
import org.parley.environments.spi.AgentSetup;
import org.parley.environments.spi.EnvironmentType;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;
import org.parley.scenarios.mind.RuleBasedMinds;

/** An environment type with its parameters bound for one condition. */
public record BoundEnvironment(EnvironmentType<?> type, Object params) implements RuleBasedMinds {

    public String name() {
        return type.name();
    }

    public Environment create(EpisodeContext context) {
        return createTyped(type, context);
    }

    public Mind ruleBasedMind(AgentSetup agent, EpisodeContext context) {
        return mindTyped(type, agent, context);
    }

    /** The environment type's rule-based mind for the agent. */
    @Override
    public Mind create(AgentSetup agent, EpisodeContext episode) {
        return ruleBasedMind(agent, episode);
    }

    public List<String> roles() {
        return rolesTyped(type);
    }

    private <P> Environment createTyped(EnvironmentType<P> t, EpisodeContext context) {
        return t.create(t.parametersType().cast(params), context);
    }

    private <P> Mind mindTyped(EnvironmentType<P> t, AgentSetup agent, EpisodeContext context) {
        return t.ruleBasedMind(t.parametersType().cast(params), agent, context);
    }

    private <P> List<String> rolesTyped(EnvironmentType<P> t) {
        return t.roles(t.parametersType().cast(params));
    }
}
