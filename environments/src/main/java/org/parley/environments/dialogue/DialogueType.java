package org.parley.environments.dialogue;

import java.util.List;
import java.util.Optional;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.dialogue.policy.DialoguePolicies;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/** {@code environment.type: dialogue} — Sotopia-style social episodes with private goals and secrets. */
public final class DialogueType implements EnvironmentType<DialogueParams>, RuleBasedMinds<DialogueParams> {

    public static final String NAME = "dialogue";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Sotopia-style social episodes: private goals and secrets, negotiation, favours, small talk";
    }

    @Override
    public List<String> roles(DialogueParams parameters) {
        return List.copyOf(parameters.roles().keySet());
    }

    @Override
    public List<String> check(DialogueParams parameters) {
        return parameters.problems();
    }

    /** {@code max-rounds}: the episode ends with reason {@code max-rounds} after that many rounds. */
    @Override
    public Optional<RoundCap> roundCap(DialogueParams parameters) {
        return Optional.of(new RoundCap(parameters.maxRounds(), "max-rounds"));
    }

    @Override
    public Environment create(DialogueParams parameters, EpisodeContext context) {
        for (var agent : context.agents()) {
            parameters.role(agent.role());
        }
        return new DialogueEnvironment(parameters);
    }

    @Override
    public Mind ruleBasedMind(DialogueParams parameters, AgentSetup agent, EpisodeContext context) {
        return DialoguePolicies.create(parameters, agent);
    }
}
