package org.parley.scenarios.model;

import java.util.List;
import java.util.Optional;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.mind.EnvironmentMinds;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/**
 * An environment type with its parameters bound for one condition.
 *
 * @param params an instance of the type's {@link EnvironmentType#parametersType()}, as the loader bound it
 */
public record BoundEnvironment(EnvironmentType<?> type, Object params) implements EnvironmentMinds {

    public String name() {
        return type.name();
    }

    public Environment create(EpisodeContext context) {
        return createTyped(type, context);
    }

    /** Whether the type offers rule-based minds ({@link RuleBasedMinds}). */
    public boolean hasRuleBasedMinds() {
        return type instanceof RuleBasedMinds<?>;
    }

    /** The environment type's rule-based mind for the agent. */
    @Override
    public Mind ruleBasedMind(AgentSetup agent, EpisodeContext context) {
        if (!(type instanceof RuleBasedMinds<?> minds)) {
            throw new IllegalStateException("environment type '" + type.name() + "' has no rule-based minds, so agent '"
                    + agent.id() + "' needs another kind of mind, such as llm");
        }
        return mindTyped(minds, agent, context);
    }

    public List<String> roles() {
        return rolesTyped(type);
    }

    /** The setting's own length cap, if it has one. */
    public Optional<EnvironmentType.RoundCap> roundCap() {
        return roundCapTyped(type);
    }

    private <P> Optional<EnvironmentType.RoundCap> roundCapTyped(EnvironmentType<P> t) {
        return t.roundCap(typed());
    }

    private <P> Environment createTyped(EnvironmentType<P> t, EpisodeContext context) {
        return t.create(typed(), context);
    }

    private <P> Mind mindTyped(RuleBasedMinds<P> minds, AgentSetup agent, EpisodeContext context) {
        return minds.ruleBasedMind(typed(), agent, context);
    }

    private <P> List<String> rolesTyped(EnvironmentType<P> t) {
        return t.roles(typed());
    }

    /** The parameters as the type's own: the loader bound them to its parameters type. */
    @SuppressWarnings("unchecked")
    private <P> P typed() {
        return (P) params;
    }
}
